// Phones and step numbers: at 375 px no screen scrolls sideways (long hosts, records and user
// names wrap in their cell), and a step has one "Step N of M" however it was reached.
import { test, expect, expectFailures } from './fixtures.mjs';
import { open, enterAddress, step, next, answerMethod, linkable } from './helpers.mjs';

const doh = encodeURIComponent(process.env.DOH_URL ?? 'http://127.0.0.1:1/dns-query');

test.use({ viewport: { width: 375, height: 740 } });

/** Fails when the document is wider than the window: something scrolls sideways. */
async function expectNoSideScroll(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `document width at ${where}`).toBeLessThanOrEqual(375);
}

for (const [provider, domain, steps] of linkable) {
  test(`every step of ${provider} fits a 375 px phone`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const id of steps) {
      await open(page, `?lang=fr&provider=${provider}&domain=${domain}&step=${id}&doh=${doh}`);
      expect(await step(page)).toBe(id);
      await expectNoSideScroll(page, `${provider} ${id}`);
    }
  });
}

test('the tools fit a 375 px phone, results shown', async ({ page }) => {
  await open(page, `?lang=fr&tool=dns&doh=${doh}&domain=contoso-m365.example&provider=microsoft365`);
  await expect(page.locator('.check[data-check="dkim"]')).toBeVisible({ timeout: 15_000 });
  await expectNoSideScroll(page, 'DNS tool');
  await open(page, '?lang=fr&tool=spf');
  await page.getByLabel('Enregistrement SPF (valeur TXT)').fill(`v=spf1 ${'include:un-tres-long-nom-de-domaine-inclus.example '.repeat(6)}-all`);
  await expect(page.locator('.spf-check')).toBeVisible();
  await expectNoSideScroll(page, 'SPF tool');
  await open(page, '?lang=fr&tool=errors');
  await page.getByRole('textbox').first().fill('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.');
  await page.getByRole('textbox').first().press('Enter');
  await expectNoSideScroll(page, 'errors tool');
});

test('a long user name and the relay records fit a 375 px phone', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await open(page, `?lang=en&doh=${doh}`);
  await enterAddress(page, 'comptabilite.fournisseurs.administration-generale@contoso-m365.example');
  await page.locator('[data-action="continue-detected"]').click();
  await answerMethod(page, ['external', 'smtp-auth']);
  await page.locator('[data-method="smtp-auth"]').click();
  while ((await step(page)) !== 'settings') await next(page);
  await expect(page.locator('table.settings')).toContainText('comptabilite.fournisseurs');
  await expectNoSideScroll(page, 'SMTP AUTH card');
  await open(page, `?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-ips&doh=${doh}`);
  await page.getByLabel('Public IPv4 address of site 1').fill('203.0.114.99');
  await next(page);
  await next(page);
  expect(await step(page)).toBe('relay-spf');
  await expect(page.getByTestId('spf-before')).toContainText('v=spf1');
  await expectNoSideScroll(page, 'relay SPF');
  await next(page);
  expect(await step(page)).toBe('relay-settings');
  await expectNoSideScroll(page, 'relay settings');
});

test('a step has one number however it was reached', async ({ page }) => {
  // Typed address, support link with its domain, support link without one.
  await open(page, '?lang=en');
  await enterAddress(page, 'jean@gmail.com');
  await next(page);
  expect(await step(page)).toBe('google-2sv');
  const typed = await page.locator('.step-of').innerText();
  for (const link of ['&domain=gmail.com', '']) {
    await open(page, `?lang=en&provider=gmail${link}&step=google-2sv`);
    await expect(page.locator('.step-of')).toHaveText(typed);
  }
  // A custom domain, through the provider screen: its number before the path is known.
  await open(page, `?lang=en&doh=${doh}`);
  await enterAddress(page, 'compta@acme-industries.fr');
  expect(await step(page)).toBe('provider');
  await expect(page.locator('.step-of')).toHaveText('Step 2');
  await page.locator('[data-provider="ovh"]').click();
  const chosen = await page.locator('.step-of').innerText();
  await open(page, '?lang=en&provider=ovh&step=ovh-offer');
  await expect(page.locator('.step-of')).toHaveText(chosen);
});

test('a step whose code cannot be downloaded has a heading, and Next waits for it', async ({ page }) => {
  const screens = /\/(split_screens[^/]*\.wasm|pack_screens[^/]*\.bin)$/;
  await page.route(screens, (route) => route.abort('internetdisconnected'));
  expectFailures(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  await open(page, '?lang=en&provider=gmail&domain=gmail.com&step=google-sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This step could not be downloaded');
  await expect(page.locator('[data-action="next"]')).toBeDisabled();
  await page.unroute(screens);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-action="next"]')).toBeEnabled();
  await next(page);
  expect(await step(page)).toBe('google-2sv');
});

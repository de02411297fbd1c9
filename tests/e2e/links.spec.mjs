// Support links are a public interface: every step opens from its link, the copied link
// reopens the same step, history works, and bad values never give a blank page.
import { test, expect } from './fixtures.mjs';
import { open, enterAddress, step, expectAccessible, linkable } from './helpers.mjs';

for (const [provider, domain, steps] of linkable) {
  test(`deep links into every step of ${provider}`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const lang of ['en', 'fr']) {
      for (const id of steps) {
        const errors = await open(page, `?lang=${lang}&provider=${provider}&domain=${domain}&step=${id}`);
        expect(await step(page)).toBe(id);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('.notice')).toHaveCount(0);
        await expectAccessible(page);
        expect(errors).toEqual([]);
        page.removeAllListeners('pageerror');
        page.removeAllListeners('console');
      }
    }
  });
}

test('the copied link reopens exactly this step, without the mailbox name', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?lang=fr&app=lokisi');
  await enterAddress(page, 'paul.martin@gmail.com');
  await page.locator('[data-action="next"]').click();
  await page.locator('[data-action="copy-link"]').click();
  await expect(page.locator('.copy-link')).toContainText('Lien copié');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).not.toContain('paul');
  const other = await context.newPage();
  await open(other, link);
  expect(await step(other)).toBe('google-2sv');
  await expect(other.locator('h1')).toHaveText('Activez la validation en deux étapes');
});

test('Back and Forward of the browser move between steps', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'a@yahoo.fr');
  expect(await step(page)).toBe('yahoo-app-password');
  await page.locator('[data-action="next"]').click();
  expect(await step(page)).toBe('settings');
  await page.goBack();
  expect(await step(page)).toBe('yahoo-app-password');
  await page.goBack();
  expect(await step(page)).toBe('address');
  await page.goForward();
  expect(await step(page)).toBe('yahoo-app-password');
});

test('the language follows ?lang, else the browser, else English, and can be switched', async ({ browser }) => {
  const fr = await browser.newContext({ locale: 'fr-FR' });
  const page = await fr.newPage();
  await open(page);
  await expect(page.locator('h1')).toHaveText('Avec quelle adresse envoyer les e-mails de votre application ?');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('Which address will your application send from?');
  expect(page.url()).toContain('lang=en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const de = await browser.newContext({ locale: 'de-DE' });
  const other = await de.newPage();
  await open(other);
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await open(other, '?lang=fr');
  await expect(other.locator('h1')).toContainText('Avec quelle adresse');
});

const badLinks = [
  ['?lang=de', 'address', 'The language "de" of the link is not available.'],
  ['?lang=en&app=sage', 'address', 'does not know ("sage")'],
  ['?lang=en&provider=lycos', 'address', 'does not know ("lycos")'],
  ['?lang=en&domain=not_a_domain', 'address', 'not a valid domain name'],
  ['?lang=en&domain=jean%40gmail.com', 'google-sign-in', 'only its domain is used'],
  ['?lang=en&provider=orange&step=google-2sv', 'settings', 'The step "google-2sv"'],
  ['?lang=en&provider=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'address', '<img src=x onerror=alert(1)>'],
  ['?lang=en&step=%F0%9F%92%A5&provider=gmail', 'google-sign-in', 'The step "💥"'],
];

for (const [query, expectedStep, notice] of badLinks) {
  test(`a bad link value gives a notice and a sensible default: ${query}`, async ({ page }) => {
    const errors = await open(page, query);
    expect(await step(page)).toBe(expectedStep);
    await expect(page.locator('.notice')).toContainText(notice);
    // Link values are text, never markup.
    await expect(page.locator('.notice img')).toHaveCount(0);
    await expectAccessible(page);
    await page.locator('[data-action="dismiss"]').click();
    await expect(page.locator('.notice')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

const badAddresses = [
  ['', 'Type the address'],
  ['jean.gmail.com', 'contains an @'],
  ['jean@@gmail.com', 'more than one @'],
  ['@gmail.com', 'missing before the @'],
  ['jean@', 'missing after the @'],
  ['jean dupont@gmail.com', 'cannot contain spaces'],
  ['jean@localhost', 'needs an extension'],
  ['jean@acme_co.fr', 'not a valid domain name'],
  ['jean@[192.0.2.1]', 'use a domain name'],
  ['je..an@gmail.com', 'two dots in a row'],
];

for (const [address, message] of badAddresses) {
  test(`a wrong address is explained and the page keeps working: "${address}"`, async ({ page }) => {
    const errors = await open(page, '?lang=en');
    await enterAddress(page, address);
    expect(await step(page)).toBe('address');
    await expect(page.locator('#address-error')).toContainText(message);
    await expect(page.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await enterAddress(page, 'jean@gmail.com');
    expect(await step(page)).toBe('google-sign-in');
    expect(errors).toEqual([]);
  });
}

test('typos in well-known domains are caught and internationalised domains accepted', async ({ page }) => {
  await open(page, '?lang=en');
  await page.getByRole('textbox').fill('jean@gmail.con');
  await expect(page.locator('.suggestion')).toContainText('Did you mean gmail.com?');
  await page.locator('[data-action="use-suggestion"]').click();
  await expect(page.locator('.found')).toContainText('Provider found: Gmail');
  await page.getByRole('textbox').fill('Info@Café-Crème.fr');
  await page.getByRole('button', { name: 'Continue' }).click();
  expect(await step(page)).toBe('provider');
  await expect(page.locator('h1')).toHaveText('Who hosts the mailbox of café-crème.fr?');
  expect(page.url()).toContain('domain=xn--caf-crme-');
});

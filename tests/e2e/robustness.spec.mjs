// What a real user does besides clicking Next: Enter in a field, a language switch on any
// screen, a double click, Back and Forward. The fixture fails each test on any page error.
import { test, expect } from './fixtures.mjs';
import { open, enterAddress, step, next, settings, linkable, answerMethod } from './helpers.mjs';

const other = { en: 'Français', fr: 'English' };

/** Switches the language with the header button and waits for the page to follow. */
async function switchLanguage(page, from) {
  await page.getByRole('button', { name: other[from] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', from === 'en' ? 'fr' : 'en');
}

for (const [provider, domain, steps] of linkable) {
  test(`a language switch on every step of ${provider} keeps the page working`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const id of steps) {
      await open(page, `?lang=en&provider=${provider}&domain=${domain}&step=${id}`);
      expect(await step(page)).toBe(id);
      await switchLanguage(page, 'en');
      expect(await step(page)).toBe(id);
      // The page still navigates: Next (or Back) changes the screen, not only the URL.
      const move = (await page.locator('[data-action="next"]').count()) ? 'next' : 'back';
      if (await page.locator(`[data-action="${move}"]`).count()) {
        await page.locator(`[data-action="${move}"]`).click();
        await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', id);
      }
    }
  });
}

test('Enter in the address field moves on, and the address stays through Back and Forward', async ({ page }) => {
  await open(page, '?lang=en');
  await page.getByRole('textbox').fill('jean.dupont@orange.fr');
  await page.getByRole('textbox').press('Enter');
  expect(await step(page)).toBe('settings');
  expect((await settings(page))['User name']).toBe('jean.dupont@orange.fr');
  await page.goBack();
  expect(await step(page)).toBe('address');
  await expect(page.getByRole('textbox')).toHaveValue('jean.dupont@orange.fr');
  await page.goForward();
  expect(await step(page)).toBe('settings');
  expect((await settings(page))['User name']).toBe('jean.dupont@orange.fr');
});

test('a language switch keeps an address typed but not sent, and the settings card', async ({ page }) => {
  await open(page, '?lang=en');
  await page.getByRole('textbox').fill('marie@free.fr');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('textbox')).toHaveValue('marie@free.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
  expect(await step(page)).toBe('settings');
  await switchLanguage(page, 'fr');
  expect((await settings(page))['User name']).toBe('marie');
  await page.locator('[data-action="next"]').click();
  expect(await step(page)).toBe('test-email');
});

test('a double click on Next moves one step', async ({ page }) => {
  await open(page, '?lang=en&provider=gmail&domain=gmail.com&step=google-sign-in');
  await page.locator('[data-action="next"]').dblclick();
  await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', 'google-sign-in');
  expect(['google-2sv', 'google-app-passwords']).toContain(await step(page));
});

test('the method answers stay through a language switch', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=m365-method');
  await answerMethod(page, ['external', 'fixed-ip']);
  await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'relay');
  await switchLanguage(page, 'en');
  await expect(page.locator('#q-fixed-ip-yes')).toBeChecked();
  await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'relay');
  await expect(page.locator('.recommendation h2')).toContainText('Recommandé');
  await page.locator('[data-method="relay"]').click();
  expect(await step(page)).toBe('relay-prerequisites');
});

test('Enter in the relay and host fields never breaks the page', async ({ page }) => {
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-ips');
  const site = page.getByLabel('Public IPv4 address of site 1');
  await site.fill('203.0.114.10');
  await site.press('Enter');
  await next(page);
  expect(await step(page)).toBe('relay-connector');
  await open(page, '?lang=en&provider=ovh-exchange&domain=boulangerie-ovh.example&step=ovh-exchange-host');
  await page.locator('#typed-host').fill('ex2.mail.ovh.net');
  await page.locator('#typed-host').press('Enter');
  await next(page);
  expect((await settings(page))['SMTP server']).toBe('ex2.mail.ovh.net');
});

test('with the generic profile, a sentence that starts with the application starts with a capital', async ({ page }) => {
  await open(page, '?lang=en&provider=outlook&domain=outlook.fr&step=outlook-no-password');
  await expect(page.locator('main')).toContainText('Your application asks for a password');
  await page.goto('?lang=fr&provider=outlook&domain=outlook.fr&step=outlook-no-password');
  await expect(page.locator('main')).toContainText('Votre application demande un mot de passe');
  // "Votre application" is feminine: no sentence goes on with "il".
  await expect(page.locator('main')).not.toContainText('il ne peut');
});

test('dates are written the way each language writes them', async ({ page }) => {
  await open(page, '?lang=fr&provider=orange&domain=orange.fr&step=settings');
  await expect(page.locator('.source').first()).toContainText(/vérifié le \d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d/);
  // Reworded in place by a language switch.
  await switchLanguage(page, 'fr');
  await expect(page.locator('.source').first()).toContainText(/checked \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/);
});

// Every text field of every screen, with what a user would type there.
const fields = [
  ['?lang=en', '#address', 'jean@orange.fr'],
  ['?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-domain', '#relay-mx', 'contoso-m365-example.mail.protection.outlook.com'],
  ['?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-ips', '#site-0', '203.0.114.10'],
  ['?lang=en&provider=ovh-email-pro&domain=boulangerie-ovh.example&step=ovh-pro-host', '#typed-host', 'pro1.mail.ovh.net'],
  ['?lang=en&tool=dns&domain=contoso-m365.example', '#dns-domain', 'acme-google.example'],
  ['?lang=en&tool=dns&domain=contoso-m365.example', '#dns-ip', '203.0.114.10'],
  ['?lang=en&tool=dns&domain=contoso-m365.example', '#dns-selector', 'selector1'],
  ['?lang=en&tool=spf', '#spf-domain', 'too-many.example'],
  ['?lang=en&tool=spf', '#spf-record', 'v=spf1 mx -all'],
  ['?lang=en&tool=spf', '#spf-addresses', '203.0.114.10'],
  ['?lang=en&tool=errors', '#error-text', '535 5.7.8 Username and Password not accepted'],
  ['?lang=en&tool=doctor', '#doctor-address', 'jean@orange.fr'],
  ['?lang=en&tool=doctor', '#doctor-host', 'smtp.orange.fr'],
  ['?lang=en&tool=headers', '#headers-text', 'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=acme.fr'],
];

for (const [query, field, typed] of fields) {
  test(`Enter in ${field} (${query}) never breaks the page`, async ({ page }) => {
    await open(page, query);
    await page.locator(field).fill(typed);
    await page.locator(field).press('Enter');
    // A second Enter where the field is still there (the address moves on to the next screen).
    if (await page.locator(field).count()) await page.locator(field).press('Enter');
    // The page still moves: the footer opens another tool, and Back returns.
    await page.getByRole('link', { name: 'DNS check' }).click();
    await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'dns');
  });
}

test('a language switch keeps what each tool shows and what was typed in it', async ({ page }) => {
  await open(page, '?lang=en&tool=spf');
  await page.locator('#spf-record').fill('v=spf1 ip4:10.0.0.1 +all');
  await expect(page.locator('.spf-check')).toContainText('Problem');
  await page.locator('#spf-addresses').fill('203.0.114.10');
  await expect(page.getByTestId('spf-record-out')).toContainText('ip4:203.0.114.10');
  await switchLanguage(page, 'en');
  await expect(page.locator('#spf-record')).toHaveValue('v=spf1 ip4:10.0.0.1 +all');
  await expect(page.locator('#spf-addresses')).toHaveValue('203.0.114.10');
  await expect(page.locator('.spf-check')).toContainText('Problème');
  await expect(page.getByTestId('spf-record-out')).toContainText('ip4:203.0.114.10');

  await page.getByRole('link', { name: 'Expliquer une erreur' }).click();
  await page.locator('#error-text').fill('535 5.7.139 Authentication unsuccessful, the user credentials were incorrect');
  await expect(page.locator('.diagnosis-match')).toBeVisible();
  await switchLanguage(page, 'fr');
  await expect(page.locator('#error-text')).toHaveValue(/5\.7\.139/);
  await expect(page.locator('.diagnosis-match h2')).toHaveText('What it means');

  await page.getByRole('link', { name: 'DNS check' }).click();
  await page.locator('#dns-domain').fill('acme-google.example');
  await page.locator('#dns-domain').press('Enter');
  await expect(page.locator('.check[data-check="dkim"]')).toBeVisible({ timeout: 15_000 });
  await page.locator('#dns-ip').fill('203.0.114.10');
  await switchLanguage(page, 'en');
  await expect(page.locator('#dns-ip')).toHaveValue('203.0.114.10');
  await expect(page.locator('#dns-domain')).toHaveValue('acme-google.example');
  await expect(page.locator('.check[data-check="mx"] .raw-title')).toHaveText('Enregistrements tels que publiés');
  await page.getByRole('link', { name: "Configurer l'e-mail d'une application" }).click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-step', 'address');
});

test('a language switch on a relay step keeps the addresses typed, and the path goes on', async ({ page }) => {
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-ips');
  await page.locator('#site-0').fill('203.0.114.10');
  await page.locator('[data-action="add-site"]').click();
  await page.locator('#site-1').fill('10.0.0.1');
  await expect(page.locator('.sites .error')).toContainText('private address');
  await page.locator('#site-1').focus();
  await switchLanguage(page, 'en');
  await expect(page.locator('#site-0')).toHaveValue('203.0.114.10');
  await expect(page.locator('#site-1')).toHaveValue('10.0.0.1');
  await expect(page.getByLabel('Adresse IPv4 publique du site 1')).toBeVisible();
  await expect(page.locator('.sites .error')).toContainText('adresse privée');
  await next(page);
  expect(await step(page)).toBe('relay-connector');
  await expect(page.locator('.connector-ips')).toContainText('203.0.114.10');
});

test('Back and Forward through a whole path, and after a language switch, keep the typed address', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'jean@gmail.com');
  const seen = ['google-sign-in'];
  while (await page.locator('[data-action="next"]').count()) {
    await next(page);
    await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', seen.at(-1));
    seen.push(await step(page));
  }
  expect(seen.at(-1)).toBe('test-email');
  await switchLanguage(page, 'en');
  for (const id of seen.slice(0, -1).reverse()) {
    await page.goBack();
    expect(await step(page)).toBe(id);
  }
  await page.goBack();
  expect(await step(page)).toBe('address');
  await expect(page.getByRole('textbox')).toHaveValue('jean@gmail.com');
  // The language chosen stays while moving through entries written before the switch.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  for (const id of seen) {
    await page.goForward();
    expect(await step(page)).toBe(id);
  }
  await page.goBack();
  expect((await settings(page))["Nom d'utilisateur"]).toBe('jean@gmail.com');
});

test('double clicks on Next, Back and the method buttons move one step each', async ({ page }) => {
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-prerequisites');
  await page.locator('[data-action="next"]').dblclick();
  await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', 'relay-prerequisites');
  // relay-domain moves on by itself once its MX is read: let the reading end before looking.
  await page.waitForLoadState('networkidle');
  const reached = await step(page);
  expect(['relay-domain', 'relay-ips']).toContain(reached);
  await page.locator('[data-action="back"]').dblclick();
  // One step back from where Next led, once the double click has landed.
  const back = reached === 'relay-ips' ? /^(relay-domain|relay-prerequisites)$/ : /^(relay-prerequisites|m365-method)$/;
  await expect.poll(() => step(page)).toMatch(back);
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=m365-method');
  await page.locator('[data-method="ways-out"]').dblclick();
  expect(await step(page)).toBe('m365-ways-out');
});

const relaySteps = ['relay-prerequisites', 'relay-domain', 'relay-ips', 'relay-connector', 'relay-spf', 'relay-settings', 'relay-verify', 'relay-dkim', 'relay-limits', 'direct-send'];

test('a link into any relay step shows values read from the link, never placeholders', async ({ page }) => {
  test.setTimeout(60_000);
  for (const id of relaySteps) {
    await open(page, `?lang=en&provider=microsoft365&domain=contoso-m365.example&step=${id}`);
    expect(await step(page)).toBe(id);
    await expect(page.locator('main')).not.toContainText('read in the domain step');
    await expect(page.locator('main')).not.toContainText('…');
  }
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-settings');
  await expect(page.locator('table.settings')).toContainText('contoso-m365-example.mail.protection.outlook.com');
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-domain');
  await expect(page.locator('.mx-result [data-mx="microsoft"]')).toBeVisible();
});

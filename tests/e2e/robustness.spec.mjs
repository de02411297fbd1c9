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

for (const [provider, domain, steps] of linkable.filter(([p]) => ['gmail', 'microsoft365', 'ovh-email-pro', 'mailjet'].includes(p))) {
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
});

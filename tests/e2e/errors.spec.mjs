// The troubleshooting tool: paste an error, read its cause, open the step that fixes it.
import { test, expect } from './fixtures.mjs';
import { open, step, expectAccessible } from './helpers.mjs';

test('a Gmail error leads to the app-password step', async ({ page }) => {
  const errors = await open(page, '?lang=en&tool=errors&provider=gmail&domain=gmail.com');
  await page.getByLabel('Error message').fill('Send failed: 534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor');
  await expect(page.locator('.codes')).toHaveText('Codes found: SMTP reply 534, status 5.7.9');
  await expect(page.locator('.diagnosis-match')).toHaveAttribute('data-error', 'gmail-app-password-required');
  await expect(page.locator('.diagnosis-match')).toContainText('usual password');
  await expectAccessible(page);
  await page.locator('[data-action="open-fix"]').click();
  expect(await step(page)).toBe('google-app-passwords');
  await page.goBack();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'errors');
  expect(errors).toEqual([]);
});

const texts = [
  ['535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', 'm365-smtp-auth-disabled-tenant'],
  ['error:1408F10B:SSL routines:ssl3_get_record:wrong version number', 'tls-wrong-version'],
  ['Le délai d\'attente de l\'opération a expiré.', 'connection-timeout'],
  ['550 5.7.64 TenantAttribution; Relay Access Denied', 'm365-relay-access-denied'],
];

for (const [text, id] of texts) {
  test(`recognises ${id}`, async ({ page }) => {
    await open(page, '?lang=fr&tool=errors');
    await page.getByLabel("Message d'erreur").fill(text);
    await expect(page.locator('.diagnosis-match')).toHaveAttribute('data-error', id);
  });
}

test('an unknown message gives the provider\'s checklist', async ({ page }) => {
  await open(page, '?lang=en&tool=errors');
  await page.getByLabel('Your provider (optional)').selectOption('free');
  await page.getByLabel('Error message').fill('Something went wrong (code 42)');
  await expect(page.locator('.nothing-recognised')).toBeVisible();
  await expect(page.locator('.checklist')).toContainText('The server name is exactly smtp.free.fr');
  await expect(page.locator('.checklist')).toContainText('Port 465 with SSL/TLS');
  await expect(page.locator('.checklist')).toContainText('the part of your address before the @');
  await expectAccessible(page);
});

test('the last step of a path links to the tool for its provider', async ({ page }) => {
  await open(page, '?lang=en&provider=orange&domain=orange.fr&step=test-email');
  await page.locator('[data-action="troubleshoot"]').click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'errors');
  await expect(page.getByLabel('Your provider (optional)')).toHaveValue('orange');
});

test('the explanation copied as a report, dated, without the pasted text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await open(page, '?lang=en&tool=errors');
  await page.getByLabel('Error message').fill('550 5.7.64 TenantAttribution; Relay Access Denied for jean.dupont@contoso.fr');
  await page.getByRole('button', { name: 'Copy as text' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Error message explained on 22 November 2026\n\nCodes found: SMTP reply 550, status 5\.7\.64\n/);
  expect(text).toContain('What to do');
  expect(text).not.toContain('jean.dupont');
  await page.locator('.lang-switch').click();
  await page.getByRole('button', { name: 'Copier en Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^## Message d'erreur expliqué le 22 novembre 2026\n/);
});

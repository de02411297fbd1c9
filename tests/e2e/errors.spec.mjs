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

test('a reply from Microsoft\'s servers opens the fix of each kind of account until one is chosen', async ({ page }) => {
  const errors = await open(page, '?lang=en&tool=errors');
  await page.getByLabel('Error message').fill('535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PAZP264CA0123.FRAP264.PROD.OUTLOOK.COM]');
  await expect(page.locator('.diagnosis-match')).toHaveAttribute('data-error', 'microsoft-basic-auth-disabled');
  const fixes = page.locator('[data-action="open-fix"]');
  await expect(fixes).toHaveCount(2);
  await expect(page.locator('.fix-choice')).toContainText('more than one kind of account');
  await expect(fixes.nth(0)).toHaveAttribute('data-provider', 'microsoft365');
  await expect(page.locator('[data-provider="outlook"]')).toHaveText('Outlook.com, Hotmail, Live (Microsoft personal account)');
  await expectAccessible(page);
  await page.locator('.lang-switch').click();
  await expect(page.locator('[data-provider="outlook"]')).toHaveText('Outlook.com, Hotmail, Live (compte Microsoft personnel)');
  await page.locator('[data-provider="outlook"]').click();
  expect(await step(page)).toBe('outlook-no-password');
  await page.goBack();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'errors');
  await page.getByLabel("Message d'erreur").fill('535 5.7.139 Authentication unsuccessful, basic authentication is disabled.');
  await page.getByLabel('Votre fournisseur (facultatif)').selectOption('microsoft365');
  await expect(fixes).toHaveCount(1);
  await expect(page.locator('.fix-choice')).toHaveCount(0);
  await fixes.click();
  expect(await step(page)).toBe('m365-smtp-auth');
  expect(errors).toEqual([]);
});

// Issue 28: errors as users paste them, both languages.
const pasted = [
  {
    what: 'a wrapped Python error (English)', lang: 'en', label: 'Error message',
    text: "Traceback (most recent call last):\n  File \"/usr/lib/python3.12/smtplib.py\", line 750, in login\n    raise last_exception\nsmtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials 5b1f17b1804b1-43a1 - gsmtp')",
    id: 'gmail-bad-credentials', codes: 'Codes found: SMTP reply 535, status 5.7.8', fix: 'google-app-passwords',
  },
  {
    what: 'a .NET exception with an inner one (French)', lang: 'fr', label: "Message d'erreur",
    text: "System.Net.Mail.SmtpException: Le serveur SMTP requiert une connexion sécurisée ou le client n'était pas authentifié. La réponse du serveur était : 5.7.0 Authentication Required.\n ---> System.Net.Mail.SmtpException: 530 5.7.0 Authentication Required\n   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response) line 250",
    id: 'smtp-auth-required-dotnet', codes: 'Codes trouvés : réponse SMTP 530, statut 5.7.0',
  },
  {
    what: 'a translated Microsoft refusal (French)', lang: 'fr', label: "Message d'erreur",
    text: "Échec de l'envoi du message. Le serveur a répondu : 535 5.7.139 Authentification infructueuse, l'authentification de base est désactivée. [PA7P264CA0123.FRAP264.PROD.OUTLOOK.COM 2026-12-01T10:42:17.535Z 08DE1234ABCD5678]",
    provider: 'microsoft365', id: 'microsoft-5-7-139', codes: 'Codes trouvés : réponse SMTP 535, statut 5.7.139', fix: 'm365-smtp-auth',
  },
  {
    what: 'an Orange French reply (French)', lang: 'fr', label: "Message d'erreur",
    text: "Le serveur a répondu : 550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]",
    id: 'orange-invalid-sender', codes: 'Codes trouvés : réponse SMTP 550, statut 5.1.0', named: 'Le message nomme les serveurs de Orange', fix: 'settings',
  },
  {
    what: 'a Brevo 535 with Brevo chosen (English)', lang: 'en', label: 'Error message',
    text: 'Failed: Authentication failed: 535 5.7.0 Invalid login or password',
    provider: 'brevo', id: 'authentication-failed', codes: 'Codes found: SMTP reply 535, status 5.7.0', says: 'an SMTP key generated in Brevo', fix: 'settings',
  },
  {
    what: 'a SendGrid 535 with SendGrid chosen (French)', lang: 'fr', label: "Message d'erreur",
    text: 'Net::SMTPAuthenticationError: 535 Authentication failed: Bad username / password',
    provider: 'sendgrid', id: 'authentication-failed', codes: 'Codes trouvés : réponse SMTP 535', says: 'le mot apikey',
  },
  {
    what: 'a log line whose numbers are a time, an address and a port (English)', lang: 'en', label: 'Error message',
    text: '2026-12-01 10:42:17,535 ERROR [pid 4521] connect to 192.0.2.250:587 failed: Connection timed out',
    id: 'connection-timeout', codes: null,
  },
];

for (const c of pasted) {
  test(`errors as pasted: ${c.what}`, async ({ page }) => {
    await open(page, `?lang=${c.lang}&tool=errors${c.provider ? `&provider=${c.provider}` : ''}`);
    await page.getByLabel(c.label, { exact: true }).fill(c.text);
    await expect(page.locator('.diagnosis-match')).toHaveAttribute('data-error', c.id);
    if (c.codes) await expect(page.locator('.codes')).toHaveText(c.codes);
    else await expect(page.locator('.codes')).toHaveCount(0);
    if (c.named) await expect(page.locator('.provider-named')).toContainText(c.named);
    if (c.says) await expect(page.locator('.diagnosis-match')).toContainText(c.says);
    await expectAccessible(page);
    if (c.fix) {
      await page.locator('[data-action="open-fix"]').click();
      expect(await step(page)).toBe(c.fix);
    }
  });
}

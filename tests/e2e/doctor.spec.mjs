// The settings doctor (`?tool=doctor`): a form typed in the application's own field names,
// read against the provider's preset, the port rules, the relay and the retirement calendar.
import { test, expect } from './fixtures.mjs';
import { open, expectAccessible } from './helpers.mjs';

const first = (page) => page.locator('.doctor-results .findings li').first();

async function fill(page, values) {
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

test('LoKisi with Gmail on 465: no security field, the port chooses it, and it is consistent', async ({ page }) => {
  const errors = await open(page, '?lang=en&app=lokisi&tool=doctor');
  await expect(page.locator('form.doctor')).toContainText('LoKisi has no security field');
  await fill(page, { 'Sending address': 'factures@gmail.com', 'IP Address / Hostname': 'smtp.gmail.com', 'TCP PortNumber': '465', User: 'factures@gmail.com' });
  await page.getByLabel('an app password (or a key from a sending service)').check();
  await expect(first(page)).toHaveAttribute('data-finding', 'consistent');
  await expect(page.locator('.doctor-provider')).toHaveText('Provider: Gmail');
  await expectAccessible(page);
  // The account's password instead: Gmail wants an app password, and says where to make one.
  await page.getByLabel("the account's own password").check();
  await expect(first(page)).toHaveAttribute('data-finding', 'needs-app-password');
  await first(page).getByRole('link', { name: 'Open the walkthrough for Gmail' }).click();
  await expect(page.locator('h1')).toContainText('Sign in');
  expect(errors).toEqual([]);
});

test('Back with an address typed and still focused leaves the doctor without an error', async ({ page }) => {
  // Chromium fires the field's change as the focused field leaves the page with the tool.
  await open(page, '?lang=en&tool=errors');
  await page.locator('[data-action="check-settings"]').click();
  await expect(page.locator('form.doctor')).toBeVisible();
  await page.getByLabel('Sending address', { exact: true }).fill('a@b');
  await page.goBack();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'errors');
});

test('ISAGI CONNECT with Orange on smtp.orange.com: the server corrected, with its copy button', async ({ page }) => {
  await open(page, '?lang=fr&app=isagi-connect&tool=doctor');
  await fill(page, { "Adresse d'envoi": 'compta@orange.fr', 'Serveur SMTP': 'smtp.orange.com', Port: '465', Utilisateur: 'compta@orange.fr' });
  await page.getByLabel('Sécurité').selectOption('ssl');
  await expect(first(page)).toHaveAttribute('data-finding', 'host-typo');
  await expect(first(page)).toContainText('le serveur est smtp.orange.fr');
  await expect(first(page).locator('code')).toHaveText('smtp.orange.fr');
  await expect(first(page).getByRole('link', { name: 'Ouvrir les paramètres pour Orange' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Serveur SMTP').fill('smtp.orange.fr');
  await expect(first(page)).toHaveAttribute('data-finding', 'consistent');
  await page.locator('.lang-switch').click();
  await expect(first(page)).toContainText('Nothing wrong');
});

test('an outlook.fr address on smtp.office365.com with a 535: passwords refused first (no server helps), then the other provider\'s server', async ({ page }) => {
  await open(page, '?lang=en&tool=doctor');
  await fill(page, { 'Sending address': 'jean@outlook.fr', 'SMTP server': 'smtp.office365.com', Port: '587', 'User name': 'jean@outlook.fr', 'Error message, if any (optional)': '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.' });
  await page.getByLabel("the account's own password").check();
  await expect(first(page)).toHaveAttribute('data-finding', 'passwords-refused');
  const findings = page.locator('.doctor-results .findings li');
  await expect(findings.nth(1)).toHaveAttribute('data-finding', 'other-providers-host');
  await expect(findings.nth(1).locator('code')).toHaveText('smtp-mail.outlook.com');
  await expect(page.locator('.doctor-results li[data-finding="error"]')).toBeVisible();
});

test('a Microsoft 365 relay with a sender outside the domain', async ({ page }) => {
  await open(page, '?lang=en&tool=doctor');
  await fill(page, { 'Sending address': 'jean.dupont@gmail.com', 'SMTP server': 'contoso-m365-example.mail.protection.outlook.com', Port: '25' });
  await expect(first(page)).toHaveAttribute('data-finding', 'relay-sender-outside');
  await expect(first(page)).toContainText('550 5.7.64');
});

for (const [day, finding, severity] of [['2026-12-15T10:00:00', 'Microsoft 365 turns password sign-in', 'warning'], ['2027-01-05T10:00:00', 'Microsoft 365 turned password sign-in', 'problem']]) {
  test(`a custom domain's provider read from its MX: Microsoft 365 with a password on ${day.slice(0, 10)}`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(day));
    await open(page, '?lang=en&tool=doctor');
    await page.getByLabel('Sending address').fill('factures@contoso-m365.example');
    await page.getByLabel('Sending address').press('Tab');
    await expect(page.locator('.doctor-provider')).toHaveText('Provider: Microsoft 365 (work or school account)');
    await fill(page, { 'SMTP server': 'smtp.office365.com', Port: '587', 'User name': 'factures@contoso-m365.example' });
    await page.getByLabel("the account's own password").check();
    await expect(first(page)).toHaveClass(severity);
    await expect(first(page)).toContainText(finding);
  });
}

test('a copied link carries the server settings, never the address or the user', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?lang=en&tool=doctor');
  await fill(page, { 'Sending address': 'jean.dupont@orange.fr', 'SMTP server': 'smtp.orange.com', Port: '465', 'User name': 'jean.dupont@orange.fr' });
  await page.getByLabel('Security (encryption)').selectOption('ssl');
  await page.getByRole('button', { name: 'Copy a link to this diagnosis' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('tool=doctor');
  expect(link).toContain('provider=orange');
  expect(link).toContain('domain=orange.fr');
  expect(link).toContain('host=smtp.orange.com');
  expect(link).toContain('security=ssl');
  expect(link).not.toContain('dupont');
  await page.goto(link);
  await expect(page.getByLabel('SMTP server')).toHaveValue('smtp.orange.com');
  await expect(page.getByLabel('Port')).toHaveValue('465');
  await expect(page.getByLabel('Security (encryption)')).toHaveValue('ssl');
});

test('the settings card, the test step and the error tool link to the doctor', async ({ page }) => {
  await open(page, '?lang=en&provider=orange&domain=orange.fr&step=test-email');
  await page.locator('[data-action="check-settings"]').click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'doctor');
  await page.getByRole('link', { name: 'Explain an error' }).click();
  await page.locator('[data-action="check-settings"]').click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'doctor');
});

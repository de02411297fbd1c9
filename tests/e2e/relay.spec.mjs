// The Microsoft 365 connector relay, walked from the first question to the verification,
// against the loopback DoH zone (contoso-m365.example already lists its site's address).
import { test, expect } from './fixtures.mjs';
import { open, enterAddress, step, next, settings, expectAccessible, answerMethod } from './helpers.mjs';

async function toRelay(page, lang, address) {
  await open(page, `?lang=${lang}&app=isagi-connect`);
  await enterAddress(page, address);
  expect(await step(page)).toBe('provider');
  await page.locator('[data-action="continue-detected"]').click();
  expect(await step(page)).toBe('m365-method');
  await answerMethod(page, ['external', 'fixed-ip']);
  await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'relay');
  await expectAccessible(page);
  await page.locator('[data-method="relay"]').click();
  expect(await step(page)).toBe('relay-prerequisites');
  await next(page);
  expect(await step(page)).toBe('relay-domain');
}

test('the relay, in English, to a green verification', async ({ page }) => {
  await toRelay(page, 'en', 'factures@contoso-m365.example');
  await expect(page.locator('.mx-result [data-mx="microsoft"]')).toContainText('contoso-m365-example.mail.protection.outlook.com');
  await expectAccessible(page);
  await next(page);
  expect(await step(page)).toBe('relay-ips');
  const site = page.getByLabel('Public IPv4 address of site 1');
  await site.fill('10.0.0.5');
  await expect(page.locator('.sites')).toContainText('a private address, the inside of a network');
  await site.fill('100.64.3.1');
  await expect(page.locator('.sites')).toContainText('carrier-grade NAT');
  await site.fill('203.0.114.10');
  await expect(page.locator('.sites .error')).toHaveCount(0);
  await expectAccessible(page);
  await next(page);
  expect(await step(page)).toBe('relay-connector');
  await expect(page.locator('.connector-ips')).toContainText('203.0.114.10');
  await next(page);
  expect(await step(page)).toBe('relay-spf');
  await expect(page.getByTestId('spf-before')).toHaveText('v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all');
  await expect(page.getByTestId('spf-after').locator('ins')).toHaveCount(0);
  await expect(page.locator('.relay-spf')).toContainText('Already covered: include:spf.protection.outlook.com ip4:203.0.114.10');
  await expectAccessible(page);
  await next(page);
  expect(await step(page)).toBe('relay-settings');
  expect(await settings(page)).toEqual({
    'Serveur SMTP': 'contoso-m365-example.mail.protection.outlook.com',
    Sécurité: 'None',
    Port: '25',
    'Authentification requise': 'No',
    Utilisateur: 'leave empty',
    'Mot de passe (utilisateur)': 'leave empty',
    'Délai entre chaque envoi': '2 seconds',
  });
  await expect(page.locator('main')).toContainText('bounce reports are lost');
  await next(page);
  expect(await step(page)).toBe('relay-verify');
  await expect(page.locator('.verification ul')).toHaveAttribute('data-complete', 'true');
  await expect(page.locator('.verification')).toContainText('203.0.114.10: SPF pass.');
  await expectAccessible(page);
  await next(page);
  expect(await step(page)).toBe('relay-dkim');
  await expect(page.locator('main')).toContainText('selector1._domainkey and selector2._domainkey');
  await expect(page.getByRole('link', { name: 'Open the DKIM settings' })).toHaveAttribute('href', 'https://security.microsoft.com/authentication?viewid=DKIM');
  await next(page);
  expect(await step(page)).toBe('relay-limits');
  await expect(page.locator('main')).toContainText('same Microsoft 365 organisation');
});

test('le relais, en français, avec une adresse à ajouter au SPF', async ({ page }) => {
  await toRelay(page, 'fr', 'factures@fabrikam.example');
  await expect(page.locator('.mx-result [data-mx="microsoft"]')).toContainText('fabrikam-example.l-v1.mx.microsoft');
  await next(page);
  await page.getByLabel('Adresse IPv4 publique du site 1').fill('192.168.1.20');
  await expect(page.locator('.sites')).toContainText("l'intérieur d'un réseau");
  await page.getByLabel('Adresse IPv4 publique du site 1').fill('198.51.101.7');
  await page.locator('[data-action="add-site"]').click();
  await page.getByLabel('Adresse IPv4 publique du site 2').fill('203.0.113.9');
  await expect(page.locator('.sites')).toContainText("adresse d'exemple de documentation");
  await next(page);
  await next(page);
  expect(await step(page)).toBe('relay-spf');
  await expect(page.getByTestId('spf-after').locator('ins')).toHaveText(['ip4:198.51.101.7', 'ip4:203.0.113.9']);
  await expect(page.locator('.relay-spf')).toContainText('fabrikam.example. IN TXT "v=spf1 include:spf.protection.outlook.com ip4:198.51.101.7 ip4:203.0.113.9 -all"');
  await next(page);
  expect((await settings(page))['Serveur SMTP']).toBe('fabrikam-example.l-v1.mx.microsoft');
  await next(page);
  await expect(page.locator('.verification ul')).toHaveAttribute('data-complete', 'false');
  await expect(page.locator('.verification')).toContainText('Il manque encore');
  await expectAccessible(page);
});

test('a domain whose MX is not Microsoft 365 is told so', async ({ page }) => {
  await open(page, '?lang=en&provider=microsoft365&domain=acme-google.example&step=relay-domain');
  await expect(page.locator('.mx-result [data-mx="other"]')).toContainText('is not Microsoft 365');
  const typed = page.getByLabel(/Or type the MX host/);
  await typed.fill('mx.acme-google.example');
  await typed.press('Tab');
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await typed.fill('acme-google-example.mail.protection.outlook.com');
  await typed.press('Tab');
  await expect(typed).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('direct send says who can receive', async ({ page }) => {
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=m365-method');
  await expect(page.locator('.recommendation h2')).toHaveCount(0);
  await answerMethod(page, []);
  await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'direct-send');
  await page.locator('[data-method="direct-send"]').click();
  expect(await step(page)).toBe('direct-send');
  await expect(page.locator('main')).toContainText('Only mailboxes of your own Microsoft 365 organisation receive them');
  await expectAccessible(page);
});

test('a link straight to the relay settings reads the MX host again', async ({ page }) => {
  await open(page, '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-settings');
  await expect(page.locator('table.settings tbody tr').first()).toContainText('contoso-m365-example.mail.protection.outlook.com');
  await expect(page.locator('main')).not.toContainText('read in the domain step');
});

test("the network's public address, found over DNS and used for a site, in both languages", async ({ page }) => {
  await open(page, '?lang=fr&provider=microsoft365&domain=contoso-m365.example&step=relay-ips');
  await page.getByLabel('Adresse IPv4 publique du site 1').fill('198.51.101.1');
  await page.locator('[data-action="public-ip"]').click();
  await expect(page.locator('.public-ip')).toContainText('Vu d\'Internet, ce réseau envoie depuis 203.0.114.9.');
  await expect(page.locator('.public-ip')).toContainText('Derrière un VPN');
  await page.locator('.lang-switch').click();
  await expect(page.locator('.public-ip')).toContainText('Seen from the Internet, this network sends from 203.0.114.9.');
  await page.locator('[data-action="use-public-ip"]').click();
  await page.locator('[data-action="use-public-ip"]').click();
  await expect(page.getByLabel('Public IPv4 address of site 2')).toHaveValue('203.0.114.9');
  await expect(page.locator('.sites li')).toHaveCount(2);
  await expectAccessible(page);
});

// DKIM set-up walkthroughs read the records from the loopback DNS: found, missing, in both
// languages, and read again on demand.
const dkim = (page, selector) => page.locator(`.dkim-records li[data-selector="${selector}"]`);

test('Microsoft 365 DKIM: both CNAMEs found', async ({ page }) => {
  const errors = await open(page, '?lang=en&app=isagi-connect&provider=microsoft365&domain=contoso-m365.example&step=relay-dkim');
  await expect(dkim(page, 'selector1')).toHaveAttribute('data-state', 'published');
  await expect(dkim(page, 'selector1')).toHaveText('selector1._domainkey.contoso-m365.example points to selector1-contoso-m365-example._domainkey.contoso.onmicrosoft.com: published.');
  await expect(dkim(page, 'selector2')).toHaveAttribute('data-state', 'published');
  await expect(page.locator('.dkim-records p.ok')).toContainText('Every record is published');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('Microsoft 365 DKIM: the CNAMEs missing, in French, read again on demand', async ({ page }) => {
  await open(page, '?lang=fr&app=isagi-connect&provider=microsoft365&domain=fabrikam.example&step=relay-dkim');
  await expect(dkim(page, 'selector1')).toHaveAttribute('data-state', 'missing');
  await expect(dkim(page, 'selector2')).toHaveText("selector2._domainkey.fabrikam.example n'est pas encore publié.");
  await expect(page.locator('.dkim-records p.ok')).toHaveCount(0);
  await page.locator('[data-action="dkim-again"]').click();
  await page.locator('[data-action="dkim-again"]').click();
  await expect(dkim(page, 'selector1')).toHaveAttribute('data-state', 'missing');
  await page.locator('.lang-switch').click();
  await expect(dkim(page, 'selector1')).toHaveText('selector1._domainkey.fabrikam.example is not published yet.');
});

test('Google Workspace DKIM: the key found after the app-password steps', async ({ page }) => {
  await open(page, '?lang=en&provider=google-workspace&domain=acme-google.example&step=google-dkim');
  await expect(page.getByRole('link', { name: 'Open Authenticate email' })).toHaveAttribute('href', 'https://admin.google.com/ac/apps/gmail/authenticateemail');
  await expect(dkim(page, 'google')).toHaveText('google._domainkey.acme-google.example holds a key: published.');
  await expectAccessible(page);
  await next(page);
  expect(await step(page)).toBe('settings');
});

test('a sending service\'s domain step lists its DKIM records under the SPF merge', async ({ page }) => {
  await open(page, '?lang=en&provider=mailjet&domain=fabrikam.example&step=mailjet-domain');
  await expect(page.locator('.relay-spf')).toBeVisible();
  await expect(dkim(page, 'mailjet')).toHaveAttribute('data-state', 'missing');
  await open(page, '?lang=en&provider=brevo&domain=fabrikam.example&step=brevo-domain');
  await expect(dkim(page, 'brevo1')).toHaveAttribute('data-state', 'missing');
  await expect(dkim(page, 'brevo2')).toHaveAttribute('data-state', 'missing');
});

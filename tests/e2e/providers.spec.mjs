// Every provider path, as a customer walks it: type the address, follow the steps, read the
// settings in the host application's words.
import { test, expect } from './fixtures.mjs';
import { open, enterAddress, step, walkToEnd, settings, expectAccessible, answerMethod } from './helpers.mjs';

const google = ['google-sign-in', 'google-2sv', 'google-app-passwords', 'google-app-name', 'google-copy-password'];
const card = ['settings', 'test-email'];

// address, provider to pick when the domain is not known by name, steps after the address,
// and the settings card (generic application, English).
const paths = [
  ['jean@gmail.com', null, [...google, ...card], { 'SMTP server': 'smtp.gmail.com', Port: '587', 'Security (encryption)': 'STARTTLS', 'User name': 'jean@gmail.com' }],
  ['factures@acme-industries.fr', 'google-workspace', ['provider', ...google, 'google-dkim', ...card], { 'SMTP server': 'smtp.gmail.com', Port: '587', 'User name': 'factures@acme-industries.fr' }],
  ['Jean.Dupont@Orange.fr', null, card, { 'SMTP server': 'smtp.orange.fr', Port: '465', 'Security (encryption)': 'SSL/TLS', 'User name': 'jean.dupont@orange.fr' }],
  ['ana.lopez@wanadoo.fr', null, card, { 'SMTP server': 'smtp.orange.fr', Port: '465' }],
  ['ana.lopez@sfr.fr', null, card, { 'SMTP server': 'smtp.sfr.fr', Port: '465', 'Security (encryption)': 'SSL/TLS' }],
  ['jean.dupont@free.fr', null, card, { 'SMTP server': 'smtp.free.fr', Port: '465', 'User name': 'jean.dupont' }],
  ['ana.lopez@laposte.net', null, card, { 'SMTP server': 'smtp.laposte.net', Port: '465' }],
  ['ana.lopez@bbox.fr', null, card, { 'SMTP server': 'smtp.bbox.fr', Port: '465' }],
  ['contact@boulangerie.fr', 'ovh', ['provider', 'ovh-offer', ...card], { 'SMTP server': 'ssl0.ovh.net', Port: '465' }],
  ['contact@boulangerie.fr', 'ionos', ['provider', ...card], { 'SMTP server': 'smtp.ionos.fr', Port: '465' }],
  ['contact@boulangerie.fr', 'gandi', ['provider', ...card], { 'SMTP server': 'mail.gandi.net', Port: '465' }],
  ['ana.lopez@yahoo.fr', null, ['yahoo-app-password', ...card], { 'SMTP server': 'smtp.mail.yahoo.com', Port: '465' }],
  ['ana.lopez@icloud.com', null, ['icloud-app-password', ...card], { 'SMTP server': 'smtp.mail.me.com', Port: '587', 'Security (encryption)': 'STARTTLS' }],
  ['ana.lopez@gmx.fr', null, card, { 'SMTP server': 'mail.gmx.com', Port: '465' }],
  ['ana.lopez@gmx.de', null, card, { 'SMTP server': 'mail.gmx.net', Port: '465' }],
  ['ana.lopez@aol.fr', null, ['aol-app-password', ...card], { 'SMTP server': 'smtp.aol.com', Port: '465' }],
  ['ana.lopez@yahoo.co.uk', null, ['yahoo-app-password', ...card], { 'SMTP server': 'smtp.mail.yahoo.com' }],
  ['ana.lopez@9online.fr', null, card, { 'SMTP server': 'smtp.sfr.fr' }],
  ['prenom.nom@laposte.net', null, card, { 'SMTP server': 'smtp.laposte.net', 'User name': 'prenom.nom' }],
  ['ana.lopez@netcourrier.com', null, card, { 'SMTP server': 'mail.mailo.com', Port: '465' }],
  ['ana.lopez@zohomail.eu', null, card, { 'SMTP server': 'smtp.zoho.eu', Port: '465' }],
  ['it@acme-industries.fr', 'other', ['provider', 'own-server-ask-it', ...card], { 'SMTP server': 'given by your IT contact', 'User name': 'given by your IT contact' }],
];

for (const [address, pick, steps, expected] of paths) {
  test(`${address} → ${pick ?? 'by its domain'}: ${steps.join(' → ')}`, async ({ page }) => {
    const errors = await open(page, '?lang=en');
    await expectAccessible(page);
    await enterAddress(page, address);
    if (pick) {
      expect(await step(page)).toBe('provider');
      await expectAccessible(page);
      await page.locator(`[data-provider="${pick}"]`).click();
    }
    const seen = await walkToEnd(page);
    expect(pick ? ['provider', ...seen] : seen).toEqual(steps);
    await page.locator('[data-action="back"]').click();
    expect(await step(page)).toBe('settings');
    const values = await settings(page);
    for (const [label, value] of Object.entries(expected)) expect(values[label], label).toBe(value);
    // The mailbox name is never put in the URL.
    expect(page.url()).not.toContain(address.split('@')[0].toLowerCase());
    expect(errors).toEqual([]);
  });
}

test('Microsoft 365 with SMTP AUTH: method, admin prerequisites, timeline, app password, settings', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await open(page, '?lang=en');
  await enterAddress(page, 'compta@acme-industries.fr');
  await page.locator('[data-provider="microsoft365"]').click();
  expect(await step(page)).toBe('m365-method');
  await expect(page.locator('[data-action="next"]')).toHaveCount(0);
  await answerMethod(page, ['external', 'smtp-auth']);
  await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'smtp-auth');
  await expectAccessible(page);
  await page.locator('[data-method="smtp-auth"]').click();
  const seen = await walkToEnd(page);
  expect(seen).toEqual(['m365-smtp-auth', 'm365-timeline', 'm365-app-password', 'settings', 'test-email']);
  await page.locator('[data-action="back"]').click();
  const values = await settings(page);
  expect(values).toMatchObject({ 'SMTP server': 'smtp.office365.com', Port: '587', 'Security (encryption)': 'STARTTLS' });
});

test('Outlook.com tells the truth and offers ways out', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'marie@hotmail.fr');
  const seen = await walkToEnd(page);
  expect(seen).toEqual(['outlook-no-password', 'outlook-account-security', 'outlook-ways-out', 'outlook-sending-services']);
  // The sending services, and none of Microsoft 365's own ways out.
  await expect(page.locator('table.ways-out [data-way-out]')).toHaveCount(4);
  await expect(page.locator('table.ways-out')).not.toContainText('High Volume Email');
  await page.goBack();
  await page.goBack();
  await page.goBack();
  expect(await step(page)).toBe('outlook-no-password');
  await expect(page.locator('h1')).toContainText('cannot send');
  await expect(page.locator('main')).toContainText('16 September 2024');
  await page.goForward();
  await page.goForward();
  expect(await step(page)).toBe('outlook-ways-out');
  await page.locator('.other-providers [data-provider="gmail"]').click();
  expect(await step(page)).toBe('google-sign-in');
});

test('the Google app-password steps name the application and link to the right pages', async ({ page }) => {
  await open(page, '?lang=en&app=lokisi&provider=gmail&step=google-app-name');
  await expect(page.locator('h1')).toHaveText('Name the app password "LoKisi"');
  await page.goto('?lang=en&provider=gmail&step=google-app-passwords');
  await expect(page.getByRole('link', { name: 'Open App passwords' })).toHaveAttribute('href', 'https://myaccount.google.com/apppasswords');
  await page.locator('details.trouble summary').click();
  await expect(page.locator('details.trouble')).toContainText('Advanced Protection');
  await expect(page.locator('details.trouble')).toContainText('security keys');
});

test('Microsoft 365 words the basic-authentication timeline against today', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-21T10:00:00'));
  await open(page, '?lang=en&provider=microsoft365&step=m365-timeline');
  await expect(page.locator('.timeline-now')).toContainText('40 days left at most');
  await page.clock.setFixedTime(new Date('2027-02-01T10:00:00'));
  await page.reload();
  await expect(page.locator('.timeline-now')).toContainText('Since the end of December 2026');
});

test('the application profile gives its own field names and where the form is', async ({ page }) => {
  await open(page, '?lang=fr&app=isagi-connect&provider=microsoft365&domain=acme.fr&step=settings');
  const values = await settings(page);
  expect(values).toEqual({
    'Serveur SMTP': 'smtp.office365.com',
    Sécurité: 'STARTTLS',
    Port: '587',
    'Authentification requise': 'Oui',
    Utilisateur: 'votre adresse e-mail complète',
    'Mot de passe (utilisateur)': "le mot de passe d'application créé (pas votre mot de passe habituel)",
    'Délai entre chaque envoi': '2 secondes',
  });
  await expect(page.locator('.where')).toContainText('Ruban Paramètres → menu Applications → Notifications');
  await page.goto('?lang=en&app=lokisi&domain=orange.fr&step=settings');
  expect(Object.keys(await settings(page))).toEqual(['IP Address / Hostname', 'TCP PortNumber', 'User', 'Password']);
  await expect(page.locator('.note')).toContainText('chooses it from the port');
  // Orange: the recommended 465 and the disputed 587, each with its source.
  await expect(page.locator('.alternatives')).toContainText('smtp.orange.fr · 587 · STARTTLS');
  await expect(page.locator('.recommended a')).toHaveAttribute('href', /thunderbird/);
});

test('the own-server path prepares an email to the IT contact without the mailbox name', async ({ page }) => {
  await open(page, '?lang=fr');
  await enterAddress(page, 'secret.name@acme-industries.fr');
  await page.locator('[data-provider="other"]').click();
  const href = await page.locator('[data-action="ask-it"]').getAttribute('href');
  expect(href).toMatch(/^mailto:\?subject=R%C3%A9glages%20SMTP/);
  expect(decodeURIComponent(href)).toContain('acme-industries.fr');
  expect(href).not.toContain('secret');
});

test('copy buttons put the value on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?lang=en&domain=gmail.com&step=settings');
  await page.getByRole('button', { name: 'Copy – SMTP server' }).click();
  await expect(page.getByRole('button', { name: 'Copy – SMTP server' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('smtp.gmail.com');
});

// Custom domains whose provider is known only by its MX hosts, read from the loopback DNS.
const byMx = [
  ['contact@atelier-ik.example', 'infomaniak', 'mail.infomaniak.com', '465'],
  ['contact@studio-zoho.example', 'zoho-eu-domain', 'smtppro.zoho.eu', '465'],
  ['contact@cabinet-proton.example', 'proton', 'smtp.protonmail.ch', '587'],
  ['contact@boutique-hostinger.example', 'hostinger', 'smtp.hostinger.com', '465'],
];

for (const [address, provider, host, port] of byMx) {
  test(`${address}: ${provider} found by its MX, to its settings`, async ({ page }) => {
    await open(page, '?lang=en');
    await enterAddress(page, address);
    expect(await step(page)).toBe('provider');
    await expect(page.locator('[data-action="continue-detected"]')).toBeVisible();
    await page.locator('[data-action="continue-detected"]').click();
    expect(await step(page)).toBe('settings');
    expect(await settings(page)).toMatchObject({ 'SMTP server': host, Port: port, 'User name': address });
  });
}

test('a domain whose MX is Outlook.com consumer mail is told it cannot send with a password', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'jean@perso-outlook.example');
  await page.locator('[data-action="continue-detected"]').click();
  expect(await step(page)).toBe('outlook-no-password');
});

for (const [lang, address, words] of [
  ['en', 'jean@proton.me', 'This address cannot send from'],
  ['fr', 'jean@pm.me', 'Cette adresse ne peut pas envoyer depuis'],
]) {
  test(`a Proton address of Proton's own domains has no SMTP: said, then the ways out, no settings card (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}`);
    await enterAddress(page, address);
    expect(await step(page)).toBe('proton-no-smtp');
    await expect(page.locator('h1')).toContainText(words);
    const seen = await walkToEnd(page);
    expect(seen).toEqual(['proton-no-smtp', 'proton-ways-out', 'proton-sending-services']);
  });
}

// Issue 24 §2: a domain no preset knows, which publishes its submission server in its DNS.
for (const [lang, words, security] of [['en', "Your domain's own DNS publishes its sending server", 'SSL/TLS'], ['fr', 'Le DNS de votre domaine publie lui-même son serveur', 'SSL/TLS']]) {
  test(`a domain's SRV record gives its sending server on the provider screen (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}`);
    await enterAddress(page, 'factures@srv-published.example');
    const published = page.locator('.published-server');
    await expect(published).toContainText(words);
    await expect(published).toHaveAttribute('data-host', 'mail.srv-published.example');
    await expect(published).toContainText('465');
    await expect(published).toContainText(security);
    await expectAccessible(page);
  });
}

test('an SRV record whose target is "." publishes nothing', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'factures@srv-none.example');
  await expect(page.locator('.mx-finding')).toContainText('do not name a provider');
  await expect(page.locator('.published-server')).toHaveCount(0);
});

// Application profiles as their users meet them: Odoo's and Dolibarr's settings cards in both
// languages, walked from a typed address, and a vendor's own profile built with
// `cargo xtask build --profile` (served on VENDOR_URL).
import { test, expect } from './fixtures.mjs';
import { open, enterAddress, next, step, settings } from './helpers.mjs';

const cards = [
  ['odoo', 'en', 'jean@gmail.com', {
    'Authenticate with': 'Username',
    'SMTP Server': 'smtp.gmail.com',
    'SMTP Port': '587',
    'Connection Encryption': 'TLS (STARTTLS)',
    Username: 'jean@gmail.com',
    Password: 'the app password you created (not your usual password)',
    'FROM Filtering': 'jean@gmail.com',
  }, 'Outgoing Email Servers'],
  ['odoo', 'fr', 'paul@orange.fr', {
    "S'authentifier avec": "Nom d'utilisateur",
    'Serveur SMTP': 'smtp.orange.fr',
    'Port SMTP': '465',
    'Chiffrement de la connexion': 'SSL/TLS',
    "Nom d'utilisateur": 'paul@orange.fr',
    'Mot de passe': 'le mot de passe de la boîte',
    'Filtre expéditeur': 'paul@orange.fr',
  }, 'Serveurs de messagerie sortants'],
  ['dolibarr', 'en', 'paul@orange.fr', {
    'Email sending method': 'SMTP/SMTPS socket library',
    'SMTP/SMTPS Host': 'smtp.orange.fr',
    'SMTP/SMTPS Port': '465',
    'Use TLS (SSL) encryption': 'Yes',
    'Use TLS (STARTTLS) encryption': 'No',
    'SMTP ID': 'paul@orange.fr',
    'SMTP Password': 'the password of the mailbox',
  }, 'Home → Setup → Emails'],
  ['dolibarr', 'fr', 'jean@gmail.com', {
    "Méthode d'envoi d'email": 'SMTP/SMTPS socket library',
    "Nom d'hôte ou adresse IP du serveur SMTP/SMTPS": 'smtp.gmail.com',
    'Port du serveur SMTP/SMTPS': '587',
    'Utilisation du chiffrement TLS (SSL)': 'Non',
    'Utiliser le cryptage TTS (STARTTLS)': 'Oui',
    "Identifiant d'authentification SMTP": 'jean@gmail.com',
    "Mot de passe d'authentification SMTP": "le mot de passe d'application créé (pas votre mot de passe habituel)",
  }, 'Accueil → Configuration → E-mails'],
];

for (const [app, lang, address, expected, where] of cards) {
  test(`${app} (${lang}): the card of ${address} in the form's own words`, async ({ page }) => {
    await open(page, `?lang=${lang}&app=${app}`);
    await enterAddress(page, address);
    while (await step(page) !== 'settings') await next(page);
    expect(await settings(page)).toEqual(expected);
    await expect(page.locator('.where')).toContainText(where);
  });
}

test('a language switch rewords a profile card in place, address kept', async ({ page }) => {
  await open(page, '?lang=en&app=odoo');
  await enterAddress(page, 'jean@gmail.com');
  while (await step(page) !== 'settings') await next(page);
  await page.locator('.lang-switch').click();
  const card = await settings(page);
  expect(card['Filtre expéditeur']).toBe('jean@gmail.com');
  expect(card['Chiffrement de la connexion']).toBe('TLS (STARTTLS)');
});

test('the relay settings in Dolibarr\'s words: both security boxes off', async ({ page }) => {
  await open(page, '?lang=en&app=dolibarr&provider=microsoft365&domain=contoso.example&step=relay-settings');
  const card = await settings(page);
  expect(card['SMTP/SMTPS Port']).toBe('25');
  expect(card['Use TLS (SSL) encryption']).toBe('No');
  expect(card['Use TLS (STARTTLS) encryption']).toBe('No');
});

test('a vendor profile built with --profile shows its labels, its sender field and its colour', async ({ page }) => {
  test.skip(!process.env.VENDOR_URL, 'needs the vendor build (cargo xtask test)');
  await page.goto(`${process.env.VENDOR_URL}?lang=fr&app=acme-gestion&provider=gmail&step=settings`);
  expect(await settings(page)).toEqual({
    "Mode d'envoi": 'Mon propre serveur SMTP',
    'Serveur sortant': 'smtp.gmail.com',
    'Numéro de port': '587',
    Chiffrement: 'STARTTLS (port 587)',
    Identifiant: 'votre adresse e-mail complète',
    'Mot de passe': "le mot de passe d'application créé (pas votre mot de passe habituel)",
    "Adresse d'expédition": "votre adresse e-mail, celle de la boîte",
  });
  await expect(page.locator('.where')).toContainText('Menu Outils → Options');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ms-accent'));
  expect(accent.trim()).toBe('#0b5394');
});

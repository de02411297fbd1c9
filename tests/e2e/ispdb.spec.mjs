// Issue 24 §1: an address no curated preset knows gets its settings from Thunderbird's provider
// database, asked live (here: the loopback stand-in `cargo xtask test` starts, whose answers
// are the fixtures of tests/ispdb/), by its domain or by its MX host; each failure is said.
import { test, expect, expectFailures } from './fixtures.mjs';
import { open, enterAddress, settings, expectAccessible } from './helpers.mjs';

const ISPDB_URL = process.env.ISPDB_URL ?? 'http://127.0.0.1:9/v1.1/';

/** The paths the stand-in was asked, all tests so far. */
async function asked(request) {
  const text = await (await request.get(ISPDB_URL.replace(/v1\.1\/$/, 'log'))).text();
  return text.split('\n').filter(Boolean);
}

/** Whatever was asked: a domain name only, never a mailbox, never a curated domain. */
async function expectOnlyDomains(request) {
  for (const path of await asked(request)) {
    expect(path).toMatch(/^\/v1\.1\/[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(path).not.toMatch(/gmail\.com|orange\.fr|free\.fr|outlook|google|@|%40/);
  }
}

for (const [lang, title, source, userLabel] of [
  ['en', 'Settings found for Post Example Mail', "a copy of Thunderbird's provider database", 'User name'],
  ['fr', 'Réglages trouvés pour Post Example Mail', 'une copie de la base de fournisseurs de Thunderbird', "Nom d'utilisateur"],
]) {
  test(`an address only the database knows gets its settings, user name filled in the page (${lang})`, async ({ page, request }) => {
    await open(page, `?lang=${lang}`);
    await enterAddress(page, 'jan.muster@post.example');
    const card = page.locator('.database-card');
    await expect(card).toHaveAttribute('data-outcome', 'password');
    await expect(card.locator('h2')).toHaveText(title);
    await expect(card.locator('.source')).toContainText(source);
    // Implicit TLS first, though the database lists STARTTLS first.
    const values = await settings(page);
    expect(values[lang === 'en' ? 'SMTP server' : 'Serveur SMTP']).toBe('smtp.post.example');
    expect(values.Port).toBe('465');
    expect(values[userLabel]).toBe('jan.muster');
    await expect(card.locator('ul.others')).toContainText('587');
    await expect(card.locator('.database-enable')).toContainText(lang === 'en' ? 'Allow access by mail programs' : 'Autorisez une fois');
    await expect(card.locator('.database-enable a')).toHaveAttribute('href', 'https://post.example/settings/access');
    await expect(card.locator('.database-docs a')).toHaveText(lang === 'en' ? 'Mail programs & SMTP' : 'Logiciels de messagerie et SMTP');
    await expect(page.locator('.sent-to')).toContainText('127.0.0.1');
    await expectAccessible(page);
    expect(await asked(request)).toContain('/v1.1/post.example');
    await expectOnlyDomains(request);
  });
}

test('a custom domain is found by its MX host, asked after the domain itself', async ({ page, request }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'factures@byhost.example');
  const card = page.locator('.database-card');
  await expect(card.locator('h2')).toHaveText('Settings found for Mailhost Business Email');
  await expect(card.locator('.by-mx')).toContainText('mailhost.example');
  const values = await settings(page);
  expect(values['SMTP server']).toBe('smtp.mailhost.example');
  expect(values['User name']).toBe('factures@byhost.example');
  const log = await asked(request);
  const order = ['/v1.1/byhost.example', '/v1.1/eu.mailhost.example', '/v1.1/mailhost.example'].map((p) => log.indexOf(p));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
});

test('OAuth only: the page says a password form cannot work, and gives no values to type', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'ana@oauth.example');
  const card = page.locator('.database-card');
  await expect(card).toHaveAttribute('data-outcome', 'oauth-only');
  await expect(card).toContainText('accepts only OAuth 2.0');
  await expect(card.locator('table.settings')).toHaveCount(0);
  await expect(card.locator('.database-docs a')).toHaveAttribute('href', 'https://help.oauth.example/apps');
});

for (const [lang, words] of [['en', 'without encryption'], ['fr', 'sans chiffrement']]) {
  test(`a server without encryption is shown only under a warning (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}`);
    await enterAddress(page, 'ana@plain.example');
    const card = page.locator('.database-card');
    const warning = card.locator('.plain-warning');
    await expect(warning).toContainText(words);
    // The warning comes before the values.
    const [warningBox, tableBox] = [await warning.boundingBox(), await card.locator('table.settings').boundingBox()];
    expect(warningBox.y).toBeLessThan(tableBox.y);
  });
}

test('nothing published: what was looked up, the MX hosts, and no invented server', async ({ page }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'ana@nothing.example');
  await expect(page.locator('[data-outcome="not-listed"]')).toContainText('does not list nothing.example');
  await expect(page.locator('.mx-finding')).toContainText('mx.nothing.example');
  await expect(page.locator('.database-card')).toHaveCount(0);
  await expect(page.locator('section.screen')).not.toContainText('smtp.nothing.example');
});

test('a domain whose DNS publishes its server is not sent to the database', async ({ page, request }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'factures@srv-published.example');
  await expect(page.locator('.published-server')).toBeVisible();
  await expect(page.locator('.database-finding, .database-card')).toHaveCount(0);
  expect(await asked(request)).not.toContain('/v1.1/srv-published.example');
});

test('curated domains, by address or by MX, are never sent', async ({ page, request }) => {
  await open(page, '?lang=en');
  await enterAddress(page, 'jean@gmail.com');
  await expect(page.locator('section.screen')).toHaveAttribute('data-step', 'google-sign-in');
  await page.goBack();
  await enterAddress(page, 'factures@contoso-m365.example');
  await expect(page.locator('[data-action="continue-detected"]')).toBeVisible();
  const log = await asked(request);
  expect(log).not.toContain('/v1.1/gmail.com');
  expect(log).not.toContain('/v1.1/contoso-m365.example');
  await expectOnlyDomains(request);
});

for (const [domain, lang, words] of [
  ['fail-500.example', 'en', 'the service answered with an error'],
  ['fail-redirect.example', 'en', 'with a redirect, which is not followed'],
  ['fail-not-xml.example', 'fr', "la réponse n'était pas une description de fournisseur"],
  ['fail-huge.example', 'en', 'the answer was not a provider description'],
]) {
  test(`an unreadable database is said, and the page goes on: ${domain}`, async ({ page }) => {
    // The browser reports the failed status or redirect in the console itself.
    expectFailures(page, /fail-500|fail-redirect|status of 503|127\.0\.0\.1:9\/elsewhere/);
    await open(page, `?lang=${lang}`);
    await enterAddress(page, `ana@${domain}`);
    await expect(page.locator('[data-outcome="unreadable"]')).toContainText(words);
    await expect(page.locator('.choices').first()).toBeVisible();
  });
}

test('a database that does not answer in time is said', async ({ page }) => {
  test.setTimeout(40_000);
  await open(page, '?lang=en');
  await enterAddress(page, 'ana@fail-slow.example');
  await expect(page.locator('[data-outcome="unreadable"]')).toContainText('no answer in time', { timeout: 15_000 });
});

test('offline: said, and the generic path stays', async ({ page, context }) => {
  expectFailures(page, /ERR_INTERNET_DISCONNECTED/);
  await open(page, '?lang=en');
  // The provider screen's chunks are loaded first, then the network goes.
  await enterAddress(page, 'ana@nothing.example');
  await expect(page.locator('[data-outcome="not-listed"]')).toBeVisible();
  await page.goBack();
  await context.setOffline(true);
  await enterAddress(page, 'ana@offline.example');
  await expect(page.locator('[data-outcome="offline"]')).toContainText('You are offline');
  await expect(page.locator('.choices').first()).toBeVisible();
  await context.setOffline(false);
});

test('a foreign ?ispdb= is refused with a notice', async ({ page }) => {
  await open(page, `?lang=en&ispdb=${encodeURIComponent('https://ispdb.evil.example/v1.1/')}`);
  await expect(page.locator('.notice')).toContainText('names a provider database that is not allowed');
  expect(page.url()).not.toContain('evil');
});

test('?ispdb=off asks no database', async ({ page, request }) => {
  await open(page, '?lang=en&ispdb=off');
  await enterAddress(page, 'ana@nothing.example');
  await expect(page.locator('.mx-finding')).toContainText('mx.nothing.example');
  await expect(page.locator('.database-finding, .database-card')).toHaveCount(0);
  
});

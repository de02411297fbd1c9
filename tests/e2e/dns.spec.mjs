// Live DNS checks against a real DNS-over-HTTPS server on loopback (knot behind dnsdist,
// started by `cargo xtask test`, its URL in DOH_URL).
import { test, expect, expectFailures } from './fixtures.mjs';
import { open, enterAddress, step, expectAccessible } from './helpers.mjs';

const doh = encodeURIComponent(process.env.DOH_URL ?? 'http://127.0.0.1:1/dns-query');

async function checkDomain(page, domain, extra = '') {
  const errors = await open(page, `?lang=en&tool=dns&doh=${doh}&domain=${domain}${extra}`);
  await expect(page.locator('.check[data-check="dkim"]')).toBeVisible({ timeout: 15_000 });
  return errors;
}

const check = (page, kind) => page.locator(`.check[data-check="${kind}"]`);

test('a Microsoft 365 domain relaying through a connector', async ({ page }) => {
  const errors = await checkDomain(page, 'contoso-m365.example', '&provider=microsoft365');
  await expect(page.locator('.resolver-note')).toContainText('127.0.0.1');
  await expect(check(page, 'mx')).toHaveAttribute('data-status', 'ok');
  await expect(check(page, 'mx')).toContainText('Microsoft 365');
  await expect(check(page, 'dkim')).toContainText('selector1');
  await expect(check(page, 'smtphost')).toHaveAttribute('data-status', 'ok');
  await page.getByLabel(/Is this IP address authorised/).fill('203.0.114.10');
  await page.locator('[data-action="dns-check"]').click();
  await expect(check(page, 'spf')).toContainText('203.0.114.10 is authorised (pass).');
  await expect(check(page, 'spf')).toHaveAttribute('data-status', 'ok');
  await page.getByLabel(/Is this IP address authorised/).fill('198.51.101.9');
  await page.locator('[data-action="dns-check"]').click();
  await expect(check(page, 'spf')).toContainText('198.51.101.9 is refused (fail).');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('a Google Workspace domain', async ({ page }) => {
  await checkDomain(page, 'acme-google.example', '&provider=google-workspace');
  await expect(check(page, 'mx')).toContainText('Google Workspace');
  await expect(check(page, 'spf')).toContainText('Google Workspace is authorised (include:_spf.google.com).');
  await expect(check(page, 'dmarc')).toContainText('p=reject');
  await expect(check(page, 'dkim')).toContainText('selector google');
  await expect(check(page, 'dkim')).toHaveAttribute('data-status', 'ok');
  await page.locator('.check[data-check="spf"] details.tree summary').click();
  await expect(check(page, 'spf').locator('.tree')).toContainText('include:_netblocks.google.com');
});

test('a DMARC record explained: its policy, its reports and the next step, in both languages', async ({ page }) => {
  await checkDomain(page, 'contoso-m365.example');
  await expect(check(page, 'dmarc')).toContainText('p=quarantine: failing mail goes to spam.');
  await expect(check(page, 'dmarc')).toContainText('Aggregate reports go to mailto:dmarc@contoso-m365.example.');
  await expect(check(page, 'dmarc')).toContainText('move to p=reject');
  await page.locator('.lang-switch').click();
  await expect(check(page, 'dmarc')).toContainText('le courrier en échec va en indésirables');
  await checkDomain(page, 'fabrikam.example');
  await expect(check(page, 'dmarc')).toContainText('No report address (rua)');
  await expect(check(page, 'dmarc')).not.toContainText('Next:');
});

test('a DMARC record built: a report address first, then the policy and the subdomains, in both languages', async ({ page }) => {
  const errors = await checkDomain(page, 'fabrikam.example');
  const built = page.getByTestId('dmarc-record');
  await expect(page.getByTestId('dmarc-refused')).toContainText('Give an address for the reports');
  await page.getByLabel('Address that receives the reports').fill('not an address');
  await expect(page.getByTestId('dmarc-refused')).toContainText('This report address is not valid');
  await page.getByLabel('Address that receives the reports').fill(' dmarc@fabrikam.example ');
  await expect(built).toHaveText('v=DMARC1; p=none; rua=mailto:dmarc@fabrikam.example');
  await expect(page.locator('.dmarc-builder')).toContainText('_dmarc.fabrikam.example. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@fabrikam.example"');
  await expect(page.locator('.dmarc-builder')).toContainText('move to p=quarantine');
  await page.getByLabel('refuse it (p=reject)').check();
  await page.getByLabel('Subdomains').selectOption('quarantine');
  await expect(built).toHaveText('v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@fabrikam.example');
  await expectAccessible(page);
  await page.locator('.lang-switch').click();
  await expect(page.locator('.dmarc-builder h2')).toHaveText("Construire l'enregistrement à publier");
  await expect(built).toHaveText('v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@fabrikam.example');
  expect(errors).toEqual([]);
});

test('the checks copied as a report for a ticket, in text and Markdown, dated', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await checkDomain(page, 'contoso-m365.example');
  await page.getByRole('button', { name: 'Copy as text' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^DNS check of contoso-m365\.example, 22 November 2026\nRead through http:\/\/127\.0\.0\.1/);
  expect(text).toContain('Policy (DMARC) — OK');
  expect(text).toContain('    v=DMARC1; p=quarantine; rua=mailto:dmarc@contoso-m365.example');
  await page.locator('.lang-switch').click();
  await page.getByRole('button', { name: 'Copier en Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^## Vérification DNS de contoso-m365\.example, 22 novembre 2026\n/);
  expect(markdown).toContain('```text\nv=DMARC1; p=quarantine');
});

const findings = [
  ['too-many.example', 'spf', 'problem', 'DNS look-ups: more than 10'],
  ['two-spf.example', 'spf', 'problem', 'publishes 2 SPF records'],
  ['loop.example', 'spf', 'problem', 'includes itself through a loop'],
  ['no-dmarc.example', 'dmarc', 'warning', 'No DMARC record. Publish at least: _dmarc.no-dmarc.example IN TXT'],
  ['nothing-here.example', 'mx', 'problem', 'does not exist in DNS'],
  ['servfail.example', 'mx', 'unknown', 'SERVFAIL'],
  ['cname-loop.example', 'mx', 'problem', 'leads back to itself'],
  ['deep.example', 'spf', 'problem', 'goes more than 10 levels deep before'],
];

for (const [domain, kind, status, text] of findings) {
  test(`${domain}: ${kind} says "${text}"`, async ({ page }) => {
    const errors = await checkDomain(page, domain);
    await expect(check(page, kind)).toHaveAttribute('data-status', status);
    await expect(check(page, kind)).toContainText(text);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
}

test('a record in two strings is read whole, and shown as text', async ({ page }) => {
  await checkDomain(page, 'multi-string.example');
  await expect(check(page, 'spf')).toHaveAttribute('data-status', 'ok');
  await expect(check(page, 'spf').locator('pre')).toHaveText('v=spf1 ip4:203.0.114.60 ip4:203.0.114.61 include:spf.protection.outlook.com -all');
});

test('a resolver that is down is said so, and the rest keeps working', async ({ page }) => {
  expectFailures(page, /127\.0\.0\.1:9\//);
  const errors = await open(page, `?lang=fr&tool=dns&doh=${encodeURIComponent('http://127.0.0.1:9/dns-query')}&domain=contoso-m365.example`);
  await expect(check(page, 'mx')).toHaveAttribute('data-status', 'unknown', { timeout: 15_000 });
  await expect(check(page, 'mx')).toContainText('le résolveur DNS est injoignable');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Outil SPF' }).click();
  await page.getByLabel('Enregistrement SPF (valeur TXT)').fill('v=spf1 mx -all');
  await expect(page.locator('.spf-check')).toContainText('Aucun problème');
  expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
});

test('an unknown domain suggests its provider from the MX records', async ({ page }) => {
  await open(page, `?lang=en&doh=${doh}`);
  await enterAddress(page, 'billing@contoso-m365.example');
  expect(await step(page)).toBe('provider');
  await expect(page.locator('.mx-finding')).toContainText('point to Microsoft 365');
  await page.locator('[data-action="continue-detected"]').click();
  expect(await step(page)).toBe('m365-method');
});

test('a resolver outside this machine is refused with a notice', async ({ page }) => {
  await open(page, `?lang=en&tool=dns&doh=${encodeURIComponent('https://dns.example.net/dns-query')}`);
  await expect(page.locator('.notice')).toContainText('not allowed');
  await expect(page.locator('#dns-resolver')).toHaveValue('cloudflare');
});

test('the SPF tool reads a domain\'s published record', async ({ page }) => {
  await open(page, '?lang=en&tool=spf');
  await page.getByLabel(/Read a domain's published record/).fill('too-many.example');
  await page.getByRole('button', { name: 'Read' }).click();
  await expect(page.getByLabel('SPF record (TXT value)')).toHaveValue(/^v=spf1 mx a include:spf.protection.outlook.com/);
  await expect(page.locator('.terms')).toContainText('include:two.too-many.example');
  // One verdict with the DNS check: the include tree needs more than 10 look-ups.
  await expect(page.locator('.spf-check')).toContainText('DNS look-ups: more than 10');
  await expect(page.locator('.spf-check')).not.toContainText('No problem found');
  await page.getByLabel(/Read a domain's published record/).fill('nothing-here.example');
  await page.getByRole('button', { name: 'Read' }).click();
  await expect(page.locator('.read-domain')).toContainText('publishes no SPF record');
});

test('a DKIM record whose key was cut is a problem, not a key found', async ({ page }) => {
  await checkDomain(page, 'cut-dkim.example');
  await expect(check(page, 'dkim')).toHaveAttribute('data-status', 'problem');
  await expect(check(page, 'dkim')).toContainText('holds no valid public key');
});

test('the checks show the records and follow a language switch', async ({ page }) => {
  await checkDomain(page, 'acme-google.example', '&provider=google-workspace');
  await expect(check(page, 'mx').locator('pre')).toContainText('aspmx.l.google.com');
  await expect(check(page, 'dmarc').locator('pre')).toBeVisible();
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(check(page, 'dmarc').locator('.raw-title')).toContainText('Enregistrements');
  await expect(check(page, 'mx')).toHaveAttribute('data-status', 'ok');
});

test('MX targets that cannot be mail servers are a problem', async ({ page }) => {
  await checkDomain(page, 'bad-mx.example');
  await expect(check(page, 'mx')).toHaveAttribute('data-status', 'problem');
  await expect(check(page, 'mx')).toContainText('cannot be a mail server');
  await expect(check(page, 'mx').locator('pre')).toContainText('localhost');
});

test('extra clicks on Check while a check runs send no query twice', async ({ page }) => {
  // Answers slow enough (three rounds of 500 ms) for every click to land while the first
  // check is in flight.
  const queries = [];
  await page.route(/\/dns-query\?/, async (route) => {
    queries.push(route.request().url());
    await new Promise((done) => setTimeout(done, 500));
    await route.continue();
  });
  await open(page, `?lang=en&tool=dns&doh=${doh}&domain=contoso-m365.example`);
  await expect(page.locator('[data-action="dns-check"]')).toHaveAttribute('aria-disabled', 'true');
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    // Forced: Playwright itself waits for a button marked busy (aria-disabled) to be free.
    await page.locator('[data-action="dns-check"]').click({ force: true });
  }
  await expect(check(page, 'dkim')).toBeVisible({ timeout: 15_000 });
  const twice = queries.filter((url, i) => queries.indexOf(url) !== i);
  expect(twice).toEqual([]);
});

test('a resolver that answers with a redirect is not followed, and says so', async ({ page }) => {
  const foreign = [];
  page.on('request', (r) => { if (!new URL(r.url()).hostname.startsWith('127.')) foreign.push(r.url()); });
  await page.route(/\/dns-query\?/, (route) => route.fulfill({
    status: 307,
    headers: { location: 'https://dns.example.net/dns-query', 'access-control-allow-origin': '*' },
  }));
  await open(page, `?lang=en&tool=dns&doh=${doh}&domain=contoso-m365.example`);
  await expect(check(page, 'mx')).toHaveAttribute('data-status', 'unknown', { timeout: 15_000 });
  await expect(check(page, 'mx')).toContainText('answered with a redirect');
  expect(foreign).toEqual([]);
});

// Issue 26 §2: will Gmail, Yahoo and Outlook.com take the domain's mail, as far as DNS shows?
for (const [lang, title, missing] of [['en', 'Will Gmail, Yahoo and Outlook.com take it?', 'missing DKIM'], ['fr', "Gmail, Yahoo et Outlook.com l'accepteront-ils ?", 'manque DKIM']]) {
  test(`the receivers' verdicts under the DNS checks (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}&tool=dns&domain=fabrikam.example`);
    const receivers = page.locator('.receivers');
    await expect(receivers.locator('h3')).toHaveText(title);
    await expect(receivers.locator('li')).toHaveCount(3);
    const gmail = receivers.locator('li[data-receiver="gmail"]');
    await expect(gmail).toHaveAttribute('data-all', 'yes');
    await expect(gmail).toHaveAttribute('data-bulk', 'no');
    await expect(gmail).toContainText(missing);
    await expect(gmail).toContainText('550 5.7.26');
    await expect(receivers.locator('li[data-receiver="outlook-com"]')).toHaveAttribute('data-all', 'yes');
    await expectAccessible(page);
  });
}

// Issue 26 §2: strict alignment enforced by DMARC, said under the receivers' verdicts.
for (const [lang, words] of [['en', 'strict alignment for SPF and DKIM'], ['fr', 'alignement strict pour SPF et DKIM']]) {
  test(`strict DMARC alignment is said with the receivers' verdicts (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}&tool=dns&domain=strict.example`);
    const strict = page.locator('.receivers .receivers-strict');
    await expect(strict).toHaveAttribute('data-strict', 'spf dkim');
    await expect(strict).toContainText(words);
    await expect(strict).toContainText('strict.example');
  });
}

test('a relaxed or unenforced DMARC record says nothing of alignment', async ({ page }) => {
  await open(page, '?lang=en&tool=dns&domain=fabrikam.example');
  await expect(page.locator('.receivers li')).toHaveCount(3);
  await expect(page.locator('.receivers-strict')).toHaveCount(0);
});

test('a domain meeting the rules for every sender and for bulk senders; a typed IP leaves its reverse DNS to check', async ({ page }) => {
  await open(page, '?lang=en&tool=dns&domain=acme-google.example');
  const gmail = page.locator('.receivers li[data-receiver="gmail"]');
  await expect(gmail).toHaveAttribute('data-all', 'yes');
  await expect(gmail).toHaveAttribute('data-bulk', 'yes');
  await expect(page.locator('.receivers [data-check="reverse-dns"]')).toHaveCount(0);
  await page.locator('#dns-ip').fill('203.0.113.5');
  await page.locator('[data-action="dns-check"]').click();
  await expect(page.locator('.receivers [data-check="reverse-dns"]')).toContainText('reverse DNS of 203.0.113.5');
});

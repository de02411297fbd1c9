// The headers tool (`?tool=headers`): a received message's headers pasted and read in the
// page, from the repository's real header blocks (tests/headers/).
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { open, expectAccessible } from './helpers.mjs';

const doh = encodeURIComponent(process.env.DOH_URL ?? 'http://127.0.0.1:1/dns-query');
const block = (name) => readFileSync(new URL(`../headers/${name}`, import.meta.url), 'utf8');
const row = (page, check) => page.locator(`table.verdicts tr[data-check="${check}"]`);

test('a message that passed: verdicts, hops and "authenticated", in both languages', async ({ page }) => {
  const errors = await open(page, '?lang=en&tool=headers');
  await expect(page.locator('dd[data-client="gmail"]')).toContainText('Show original');
  await page.getByLabel('Headers of the message as received').fill(block('gmail-pass.eml'));
  await expect(row(page, 'spf')).toHaveAttribute('data-outcome', 'pass');
  await expect(row(page, 'dkim')).toContainText('oracle.com');
  await expect(row(page, 'dmarc')).toHaveAttribute('data-outcome', 'pass');
  await expect(page.getByTestId('from-domain')).toHaveText('From domain: oracle.com');
  await expect(page.getByTestId('sending-ip')).toContainText('156.151.31.86');
  await expect(page.locator('.findings li.ok')).toContainText('Authenticated: DMARC passed');
  await expect(page.locator('table.hops tbody tr')).toHaveCount(4);
  await expect(page.locator('table.hops tbody tr').last()).toContainText('mx.google.com');
  await expectAccessible(page);
  // A language switch rewords the reading and keeps what was pasted.
  await page.locator('.lang-switch').click();
  await expect(page.locator('.findings li.ok')).toContainText('Authentifié');
  await expect(row(page, 'spf')).toContainText('réussi');
  await expect(page.locator('#headers-text')).toHaveValue(/mx\.google\.com/);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('a message that failed: what to fix first, linked to the tool that fixes it', async ({ page }) => {
  await open(page, '?lang=en&tool=headers');
  await page.getByLabel('Headers of the message as received').fill(block('gmail-softfail.eml'));
  await expect(row(page, 'spf')).toHaveAttribute('data-outcome', 'softfail');
  await expect(row(page, 'dkim')).toContainText('pex-com.20150623.gappssmtp.com');
  await expect(row(page, 'dkim').locator('td').last()).toHaveText('no');
  const first = page.locator('.findings li').first();
  await expect(first).toHaveClass('problem');
  await expect(first).toContainText('(209.85.220.65) is not allowed by the SPF record of pex.com');
  await expect(page.locator('.findings')).toContainText('signed by pex-com.20150623.gappssmtp.com, not by your own domain');
  await expectAccessible(page);
  await first.getByRole('link', { name: 'Open the SPF tool for pex.com' }).click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'spf');
  await expect(page.locator('#spf-domain')).toHaveValue('pex.com');
  await page.goBack();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'headers');
});

test('the DMARC fix opens the DNS check of the From domain', async ({ page }) => {
  await open(page, `?lang=fr&tool=headers&doh=${doh}`);
  await page.getByLabel('En-têtes du message tel que reçu').fill(block('brevo-gmail-from.eml'));
  await expect(page.locator('.findings li').first()).toContainText('DMARC en échec');
  await page.getByRole('link', { name: 'Vérifier gmail.com dans la vérification DNS' }).first().click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'dns');
  await expect(page.locator('#dns-domain')).toHaveValue('gmail.com');
});

test('what is not a header block is said, and a sender-side copy is recognised', async ({ page }) => {
  await open(page, '?lang=en&tool=headers');
  const field = page.getByLabel('Headers of the message as received');
  await field.fill('Bonjour, voici votre facture.');
  await expect(page.getByTestId('not-headers')).toContainText('does not look like');
  await field.fill(block('m365-sender-side.eml'));
  await expect(page.locator('.findings li').first()).toContainText('read on the sender\'s side');
  await field.fill('');
  await expect(page.locator('.headers-reading')).toBeEmpty();
});

test('the reading copied as a report, dated, without the mailbox name', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await open(page, '?lang=en&tool=headers');
  await page.getByLabel('Headers of the message as received').fill(block('gmail-softfail.eml'));
  await page.getByRole('button', { name: 'Copy as text' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Message headers read on 22 November 2026\nFrom domain: pex\.com\n/);
  expect(text).toContain('- SPF: soft fail — pex.com (Your domain? yes)');
  expect(text).not.toContain('sender@');
  await page.locator('.lang-switch').click();
  await page.getByRole('button', { name: 'Copier en Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^## En-têtes de message lus le 22 novembre 2026\n/);
  expect(markdown).toContain('### Le chemin parcouru');
});

test('the test step links to the headers tool', async ({ page }) => {
  await open(page, '?lang=en&provider=orange&domain=orange.fr&step=test-email');
  await page.locator('[data-action="read-headers"]').click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'headers');
  await expect(page.getByRole('link', { name: "Read a message's headers" })).toHaveAttribute('aria-current', 'page');
});

// Issue 26: the receivers' verdict from what the receiver wrote, on the shapes iCloud and
// Fastmail write (tests/headers/*-shaped.eml), in both languages.
for (const [file, lang, ip, words, by] of [
  ['icloud-shaped.eml', 'en', '198.51.100.25', 'every sender: met', 'verdicts that mr99p00im-dmarcmilter002.me.com wrote'],
  ['fastmail-shaped.eml', 'fr', '203.0.113.48', 'tout expéditeur', 'verdicts que mx3.messagingengine.com a écrits'],
]) {
  test(`${file}: every verdict read, and Gmail, Yahoo and Outlook.com would take it (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}&tool=headers`);
    await page.locator('#headers-text').fill(block(file));
    for (const check of ['spf', 'dkim', 'dmarc']) await expect(row(page, check)).toHaveAttribute('data-outcome', 'pass');
    await expect(page.getByTestId('sending-ip')).toContainText(ip);
    await expect(page.locator('.findings li.ok')).toHaveCount(1);
    const receivers = page.locator('ul.receivers li');
    await expect(receivers).toHaveCount(3);
    for (const id of ['gmail', 'yahoo', 'outlook-com']) {
      await expect(page.locator(`ul.receivers li[data-receiver="${id}"]`)).toHaveAttribute('data-bulk', 'yes');
    }
    await expect(page.locator('ul.receivers li[data-receiver="gmail"]')).toContainText(words);
    await expect(page.getByTestId('receivers-by')).toContainText(by);
    await expectAccessible(page);
  });
}

test('a message that failed SPF and DKIM: the receivers would refuse it, with their refusal codes', async ({ page }) => {
  await open(page, '?lang=en&tool=headers');
  await page.locator('#headers-text').fill(block('gmail-softfail.eml'));
  const gmail = page.locator('ul.receivers li[data-receiver="gmail"]');
  await expect(gmail).toHaveAttribute('data-bulk', 'no');
  await expect(gmail).toContainText('550 5.7.26');
});

// The SPF tool, offline: check a pasted record, build the record to publish.
import { test, expect } from './fixtures.mjs';
import { open, expectAccessible } from './helpers.mjs';

const findings = [
  ['v=spf1 mx include:spf.protection.outlook.com -all', 'No problem found'],
  ['v=spf1 +all', 'authorises every server'],
  ['v=spf1 ip4:10.0.0.5 -all', 'private address'],
  ['v=spf1 ip4:300.1.1.1 -all', 'Syntax error in "ip4:300.1.1.1" (character 8): this is not an IPv4 address.'],
  ['v=spf1 ptr -all mx', 'Terms after all are never evaluated: mx'],
  ['"v=spf1 mx " "-all"', 'No problem found'],
  ['<img src=x onerror=alert(1)>', 'starts with "v=spf1"'],
];

for (const [record, expected] of findings) {
  test(`a pasted record is checked: ${record}`, async ({ page }) => {
    const errors = await open(page, '?lang=en&tool=spf');
    await page.getByLabel('SPF record (TXT value)').fill(record);
    await expect(page.locator('.spf-check')).toContainText(expected);
    await expect(page.locator('.spf-check img')).toHaveCount(0);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
}

test('the builder merges providers and addresses into the pasted record', async ({ page }) => {
  await open(page, '?lang=en&tool=spf');
  await page.getByLabel('SPF record (TXT value)').fill('v=spf1 mx -all');
  await page.getByLabel(/Microsoft 365/).check();
  await page.getByLabel('Public IP addresses or networks of your own servers').fill('203.0.114.10\n2001:db8::/48\nnot-an-ip');
  await expect(page.getByTestId('spf-record-out')).toHaveText('v=spf1 mx include:spf.protection.outlook.com ip4:203.0.114.10 ip6:2001:db8::/48 -all');
  await expect(page.locator('.spf-result')).toContainText('"not-an-ip" is not an IP address or network.');
  await expect(page.locator('.spf-result')).toContainText('@ IN TXT "v=spf1 mx include:spf.protection.outlook.com');
  await expectAccessible(page);
});

test('the builder generates a record from scratch with the chosen policy, in French', async ({ page }) => {
  await open(page, '?lang=fr&tool=spf');
  await page.getByLabel(/Google Workspace/).check();
  await page.getByLabel(/les refuser/).check();
  await expect(page.getByTestId('spf-record-out')).toHaveText('v=spf1 include:_spf.google.com -all');
  await page.getByRole('link', { name: "Configurer l'e-mail d'une application" }).click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-step', 'address');
  await page.goBack();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'spf');
});

test('the builder refuses addresses that would authorise the wrong senders', async ({ page }) => {
  await open(page, '?lang=en&tool=spf');
  await page.getByLabel('Public IP addresses or networks of your own servers')
    .fill('10.0.0.1\n192.168.1.20\n127.0.0.1\n100.64.1.1\n0.0.0.0/0\n80.12.34.56');
  await expect(page.getByTestId('spf-record-out')).toHaveText('v=spf1 ip4:80.12.34.56 ~all');
  await expect(page.locator('.spf-result [data-refused]')).toHaveCount(5);
  await expect(page.locator('.spf-result')).toContainText('"10.0.0.1" is refused');
  await expect(page.locator('.spf-result')).toContainText('carrier-grade NAT');
  await expect(page.locator('.spf-result')).not.toContainText('Already covered');
  await expectAccessible(page);
});

test('the chosen policy replaces the pasted one, and +all is never published', async ({ page }) => {
  await open(page, '?lang=en&tool=spf');
  await page.getByLabel('SPF record (TXT value)').fill('v=spf1 mx +all');
  await expect(page.getByTestId('spf-record-out')).toHaveText('v=spf1 mx ~all');
  await expect(page.getByTestId('spf-policy-change')).toHaveText('Policy changed: +all → ~all');
  await page.getByLabel(/reject it/).check();
  await expect(page.getByTestId('spf-record-out')).toHaveText('v=spf1 mx -all');
  await page.getByLabel('SPF record (TXT value)').fill('v=spf1 ip4:0.0.0.0/0 -all');
  await expect(page.getByTestId('spf-blocked')).toBeVisible();
  await expect(page.getByTestId('spf-record-out')).toHaveCount(0);
});

test('a checked record copied as a report, dated, with its findings', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  await open(page, '?lang=en&tool=spf');
  await page.locator('#spf-record').fill('v=spf1 include:_spf.google.com +all');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^## SPF record checked on 22 November 2026\n\n```text\nv=spf1 include:_spf\.google\.com \+all\n```\n/);
  expect(markdown).toContain('### Findings');
});

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

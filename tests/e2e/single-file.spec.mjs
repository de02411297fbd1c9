// The single-file build (`cargo xtask build --single-file`) as offline documentation opens
// it: from a folder through file://, and served over HTTP under a header policy with the
// same hashes as its own <meta> policy.
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures.mjs';
import { enterAddress, next, step, settings } from './helpers.mjs';

const doh = () => `doh=${encodeURIComponent(process.env.DOH_URL ?? '')}`;
const places = [
  ['file://', () => pathToFileURL(process.env.SINGLE_FILE).href],
  ['HTTP under a strict CSP', () => process.env.SINGLE_URL],
];

for (const [where, url] of places) {
  test.describe(`the single file over ${where}`, () => {
    test.skip(!process.env.SINGLE_FILE, 'needs the single-file build (cargo xtask test)');

    test('walks the Gmail path to its settings', async ({ page }) => {
      await page.goto(`${url()}?lang=en&${doh()}`);
      await enterAddress(page, 'jean@gmail.com');
      while (await step(page) !== 'settings') await next(page);
      expect((await settings(page))['SMTP server']).toBe('smtp.gmail.com');
      await page.goBack();
      await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', 'settings');
    });

    test('checks a pasted SPF record and reads a published one over DNS', async ({ page }) => {
      await page.goto(`${url()}?lang=en&tool=spf&${doh()}`);
      await page.locator('#spf-record').fill('v=spf1 include:spf.protection.outlook.com +all');
      await expect(page.locator('.spf-check .finding.error').first()).toBeVisible();
      await page.locator('#spf-domain').fill('acme-google.example');
      await page.locator('#spf-domain').press('Enter');
      await expect(page.locator('#spf-record')).toHaveValue('v=spf1 include:_spf.google.com ~all');
    });

    test('opens a deep link at its step, and copies a link back to it', async ({ page }) => {
      await page.goto(`${url()}?lang=fr&app=odoo&provider=orange&step=settings&${doh()}`);
      expect(await step(page)).toBe('settings');
      expect((await settings(page))['Serveur SMTP']).toBe('smtp.orange.fr');
      await expect(page.locator('.tagline')).toContainText('Odoo');
    });
  });
}

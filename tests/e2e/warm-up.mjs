// Before the first test: one page drawn and one DNS check answered, in a browser of its own.
// A fresh machine's first Chromium start reads its files from disk and builds its font cache,
// and the DNS stack answers its first query cold; that time belongs to no test.
import { chromium } from '@playwright/test';

export default async function warmUp(config) {
  const { launchOptions } = config.projects[0].use;
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    const doh = encodeURIComponent(process.env.DOH_URL ?? '');
    await page.goto(`${process.env.BASE_URL}?lang=en&tool=dns&doh=${doh}&domain=acme-google.example`,
      { timeout: 120_000 });
    await page.locator('.check[data-check="dkim"]').waitFor({ timeout: 120_000 });
  } finally {
    await browser.close();
  }
}

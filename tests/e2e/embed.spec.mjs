// Embedded in a documentation site: dist/ under /aide/smtp/, served with the strict CSP a
// host should send, every request outside this machine blocked.
import { test, expect, expectFailures, notListed } from './fixtures.mjs';
import { expectAccessible, linkable } from './helpers.mjs';

const SITE = process.env.SITE_URL ?? 'http://127.0.0.1:1/';
// The loopback DNS resolver and provider database, which the site's policy names.
const doh = `doh=${encodeURIComponent(process.env.DOH_URL ?? '')}&ispdb=${encodeURIComponent(process.env.ISPDB_URL ?? '')}`;

const guarded = new WeakSet();

/** Opens `path` of the site with outside requests blocked; collects errors and CSP violations. */
async function openSite(page, path) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' && !notListed(m)) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  if (!guarded.has(page.context())) {
    guarded.add(page.context());
    await page.context().route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
    });
  }
  await page.goto(SITE + path);
  return problems;
}

test('every step of every provider path renders under a sub-path with a strict CSP, without errors', async ({ page }) => {
  test.setTimeout(240_000);
  for (const [provider, domain, steps] of linkable) {
    for (const step of steps) {
      const problems = await openSite(page, `aide/smtp/?lang=en&${doh}&provider=${provider}&domain=${domain}&step=${step}`);
      await expect(page.locator('section.screen')).toHaveAttribute('data-step', step);
      await expect(page.locator('#loading')).toHaveCount(0);
      expect(problems, `${provider} ${step}`).toEqual([]);
      page.removeAllListeners('console');
      page.removeAllListeners('pageerror');
    }
  }
});

test('offline, the DNS checks say they need a connection and the rest works', async ({ page }) => {
  // The default resolver is outside this machine: its queries are blocked on purpose.
  expectFailures(page, /ERR_BLOCKED_BY_CLIENT|cloudflare-dns\.com|dns\.google/);
  await openSite(page, 'aide/smtp/?lang=en&tool=dns&domain=contoso-m365.example');
  await expect(page.locator('.check[data-check="mx"]')).toHaveAttribute('data-status', 'unknown', { timeout: 15_000 });
  await expect(page.locator('.check[data-check="mx"]')).toContainText('could not be reached');
  await page.getByRole('link', { name: 'SPF record tool' }).click();
  await page.getByLabel('SPF record (TXT value)').fill('v=spf1 mx -all');
  await expect(page.locator('.spf-check')).toContainText('No problem found');
});

test('embedded in the example help page, the iframe grows with the assistant', async ({ page }) => {
  const problems = await openSite(page, `examples/host.html?lang=en&${doh}`);
  const frame = page.frameLocator('#mailsetup');
  // The other worker may be loading pages as fast as it can: give the wasm time to start.
  await expect(frame.locator('section.screen')).toBeVisible({ timeout: 20_000 });
  await expect(frame.locator('.page-header')).toBeHidden();
  const height = () => page.locator('#mailsetup').evaluate((f) => f.getBoundingClientRect().height);
  await expect.poll(height).toBeGreaterThan(250);
  const first = await height();
  await frame.getByRole('textbox').fill('jean@gmail.com');
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.locator('[data-action="next"]').click();
  await frame.locator('[data-action="next"]').click();
  await frame.locator('[data-action="next"]').click();
  await frame.locator('[data-action="next"]').click();
  await frame.locator('[data-action="next"]').click();
  await expect(frame.locator('section.screen')).toHaveAttribute('data-step', 'settings');
  await expect.poll(height).toBeGreaterThan(first + 100);
  const frameHeight = await height();
  const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
  expect(Math.abs(frameHeight - content)).toBeLessThan(4);
  await page.screenshot({ path: 'target/e2e-results/embedded.png', fullPage: true });
  expect(problems).toEqual([]);
});

test('the print view holds the settings and the steps, no buttons', async ({ page }) => {
  await openSite(page, `aide/smtp/?lang=fr&app=isagi-connect&${doh}&provider=orange&domain=orange.fr&step=settings`);
  await expect(page.locator('table.settings')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-summary')).toBeVisible();
  await expect(page.locator('.print-summary')).toContainText('Orange / Wanadoo dans ISAGI CONNECT');
  await expect(page.locator('table.settings')).toContainText('smtp.orange.fr');
  await expect(page.locator('[data-action="print"]')).toBeHidden();
  await expect(page.locator('.page-header')).toBeHidden();
  await page.screenshot({ path: 'target/e2e-results/print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page);
});

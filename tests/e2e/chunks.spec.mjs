// The parts downloaded on demand (the tools, the DNS checks, the Microsoft 365 relay): the
// assistant's paths never wait for them, and a failed download is said, not fatal.
import { test, expect, expectFailures } from './fixtures.mjs';
import { open, enterAddress, step, walkToEnd, expectAccessible } from './helpers.mjs';

const chunk = /\/(split|chunk)_[^/]*\.wasm$/;

test('the first screen works with nothing downloaded after the first load', async ({ page }) => {
  await page.route(chunk, (route) => route.abort('internetdisconnected'));
  expectFailures(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  await open(page, '?lang=en');
  await page.getByRole('textbox').fill('jean@gmail.con');
  await expect(page.locator('.suggestion')).toContainText('Did you mean gmail.com?');
  await page.locator('[data-action="use-suggestion"]').click();
  await expect(page.locator('.found')).toContainText('Provider found: Gmail');
  await enterAddress(page, 'jean.gmail.com');
  await expect(page.locator('#address-error')).not.toBeEmpty();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('button', { name: 'Continuer' })).toBeVisible();
});

test('the next screens are fetched while the first is shown', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (chunk.test(r.url())) fetched.push(r.url()); });
  const errors = await open(page, '?lang=en');
  await expect.poll(() => fetched.some((url) => url.includes('/split_screens'))).toBe(true);
  await enterAddress(page, 'jean@gmail.com');
  // Focus follows the user to the new screen's heading, drawn once its code is there.
  await expect(page.locator('#step-heading')).toBeFocused();
  expect((await walkToEnd(page)).at(-1)).toBe('test-email');
  expect(errors).toEqual([]);
});

test('a tool whose code cannot be downloaded says so, and opens on a retry', async ({ page }) => {
  await page.route(chunk, (route) => route.abort('internetdisconnected'));
  expectFailures(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  await open(page, '?lang=fr&tool=spf');
  await expect(page.getByRole('alert')).toContainText("n'a pas pu être téléchargée");
  await expectAccessible(page);
  // The rest of the page keeps working while the part is missing.
  await expect(page.getByRole('link', { name: 'Vérification DNS' })).toBeVisible();
  await page.unroute(chunk);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByLabel('Enregistrement SPF (valeur TXT)')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('without the DNS code, the provider choice says the MX records could not be read and still offers every provider', async ({ page }) => {
  await page.route(/\/split_mx_finding[^/]*\.wasm$/, (route) => route.abort('internetdisconnected'));
  expectFailures(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  await open(page, '?lang=en');
  await enterAddress(page, 'billing@contoso-m365.example');
  expect(await step(page)).toBe('provider');
  await expect(page.locator('.mx-finding')).toContainText('could not be read');
  await page.locator('[data-provider="ionos"]').click();
  expect(await step(page)).toBe('settings');
});

test('a deep link asks for its chunks beside the main module, each downloaded once', async ({ page }) => {
  for (const [query, split, ready] of [
    ['?lang=en&tool=spf', 'split_spf_tool', '#spf-record'],
    ['?lang=en&provider=gmail&domain=gmail.com&step=settings', 'split_screens', 'table.settings'],
  ]) {
    const fetched = [];
    const record = (r) => { if (chunk.test(r.url())) fetched.push(new URL(r.url()).pathname); };
    page.on('request', record);
    const errors = await open(page, query);
    await expect(page.locator(ready)).toBeVisible();
    const preloaded = await page.locator('link[rel="preload"][as="fetch"]').evaluateAll(
      (links) => links.map((l) => new URL(l.href).pathname).filter((p) => /\/(split|chunk)_/.test(p)),
    );
    expect(preloaded.some((p) => p.includes(split))).toBe(true);
    // Every chunk the part needs was preloaded, and none was downloaded twice.
    expect(new Set(fetched).size).toBe(fetched.length);
    page.off('request', record);
    expect(errors).toEqual([]);
  }
});

test('the first screen preloads no chunk', async ({ page }) => {
  await open(page, '?lang=en&step=address');
  expect(await page.locator('link[rel="preload"][href*="split_"], link[rel="preload"][href*="chunk_"]').count()).toBe(0);
});

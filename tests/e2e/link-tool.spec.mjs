// The link builder (`?tool=link`) as a support team uses it: every provider's every step,
// chosen in the builder, reopens exactly from the link it gives; the preview shows the step;
// the iframe snippet embeds it; no field ever asks for a mailbox name or a password.
import { test, expect } from './fixtures.mjs';
import { open, step, linkable } from './helpers.mjs';

const withDoh = (link) => `${link}&doh=${encodeURIComponent(process.env.DOH_URL ?? '')}`;

for (const [provider, domain] of linkable) {
  test(`the builder's links reopen every step of ${provider}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await open(page, '?lang=en&tool=link');
    await page.locator('#link-app').selectOption('odoo');
    await page.locator('#link-provider').selectOption(provider);
    await page.locator('#link-domain').fill(domain);
    await page.locator('#link-lang-fr').check();
    const steps = await page.locator('#link-step option').evaluateAll((o) => o.map((e) => e.value));
    expect(steps.length).toBeGreaterThan(0);
    const other = await context.newPage();
    for (const id of steps) {
      await page.locator('#link-step').selectOption(id);
      const link = (await page.getByTestId('support-link').innerText()).trim();
      expect(link).toContain(`step=${id}`);
      await other.goto(withDoh(link));
      await expect(other.locator('section.screen')).toHaveAttribute('data-step', id);
      await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(other.locator('.tagline')).toContainText('Odoo');
    }
  });
}

test('the preview shows the chosen step, and the snippet embeds it', async ({ page }) => {
  await open(page, '?lang=en&tool=link');
  await page.locator('#link-provider').selectOption('gmail');
  await page.locator('#link-step').selectOption('google-app-passwords');
  const preview = page.frameLocator('.link-preview');
  await expect(preview.locator('section.screen')).toHaveAttribute('data-step', 'google-app-passwords');
  await expect(preview.locator('.page-header')).toBeHidden();
  const snippet = await page.getByTestId('embed-snippet').innerText();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?lang=en&amp;embed=1&amp;provider=gmail&amp;step=google-app-passwords" title="mailsetup · email setup"/);
  expect(snippet).not.toContain('doh=');
});

test('no field for a mailbox name or a password: an address in the domain field is refused', async ({ page }) => {
  await open(page, '?lang=fr&tool=link');
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await page.locator('#link-provider').selectOption('microsoft365');
  await page.locator('#link-domain').fill('paul.martin@acme.fr');
  await expect(page.locator('#link-domain')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.link-form .error')).toContainText("Ce n'est pas un nom de domaine");
  const link = await page.getByTestId('support-link').innerText();
  expect(link).not.toContain('paul');
  expect(link).not.toContain('domain=');
});

test('a language switch rewords the builder and keeps every choice', async ({ page }) => {
  await open(page, '?lang=en&tool=link');
  await page.locator('#link-provider').selectOption('ovh');
  await page.locator('#link-step').selectOption('settings');
  await page.locator('#link-domain').fill('acme.fr');
  await page.locator('.lang-switch').click();
  await expect(page.locator('h1')).toHaveText("Lien vers une étape, pour une équipe d'assistance");
  await expect(page.locator('#link-provider')).toHaveValue('ovh');
  await expect(page.locator('#link-step')).toHaveValue('settings');
  await expect(page.locator('#link-domain')).toHaveValue('acme.fr');
  await expect(page.getByTestId('support-link')).toContainText('domain=acme.fr');
  await page.locator('#link-domain').press('Enter');
  expect(await step(page)).toBeNull();
});

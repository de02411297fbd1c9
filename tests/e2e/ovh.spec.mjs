// OVHcloud's three offers share their MX hosts: a domain whose MX is OVHcloud's is asked
// which offer, then goes to the right server; E-mail Pro and Hosted Exchange hosts are typed
// from the control panel and checked against their form.
import { test, expect } from './fixtures.mjs';
import { open, enterAddress, step, next, settings, expectAccessible } from './helpers.mjs';

async function toOffer(page, lang) {
  const errors = await open(page, `?lang=${lang}`);
  await enterAddress(page, 'contact@boulangerie-ovh.example');
  expect(await step(page)).toBe('provider');
  await page.locator('[data-action="continue-detected"]').click();
  expect(await step(page)).toBe('ovh-offer');
  await expect(page.locator('.offers [data-provider]')).toHaveCount(3);
  await expectAccessible(page);
  return errors;
}

// offer, its host step, a host of another offer, the right host, the card's port.
const offers = [
  ['en', 'ovh-email-pro', 'ovh-pro-host', 'ex5.mail.ovh.net', 'PRO1.mail.ovh.net', 'pro1.mail.ovh.net', 'proN.mail.ovh.net'],
  ['fr', 'ovh-exchange', 'ovh-exchange-host', 'ssl0.ovh.net', 'ex5.mail.ovh.net.', 'ex5.mail.ovh.net', 'exN.mail.ovh.net'],
];

for (const [lang, offer, hostStep, wrong, typed, host, form] of offers) {
  test(`an OVHcloud domain through ${offer} (${lang})`, async ({ page }) => {
    const errors = await toOffer(page, lang);
    await page.locator(`.offers [data-provider="${offer}"]`).click();
    expect(await step(page)).toBe(hostStep);
    const input = page.locator('#typed-host');
    await input.fill(wrong);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#typed-host-error')).toContainText(form);
    await expectAccessible(page);
    await input.fill(typed);
    await expect(input).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('[data-host-ok]')).toContainText(host);
    await input.press('Enter');
    await next(page);
    expect(await step(page)).toBe('settings');
    const values = await settings(page);
    expect(values[lang === 'en' ? 'SMTP server' : 'Serveur SMTP']).toBe(host);
    expect(values.Port).toBe('587');
    expect(values[lang === 'en' ? 'Security (encryption)' : 'Sécurité (chiffrement)']).toBe('STARTTLS');
    expect(errors).toEqual([]);
  });
}

test('an OVHcloud domain through MX Plan, and a card that says where the host is when none was typed', async ({ page }) => {
  const errors = await toOffer(page, 'en');
  await page.locator('.offers [data-provider="ovh"]').click();
  expect(await step(page)).toBe('settings');
  expect(await settings(page)).toMatchObject({ 'SMTP server': 'ssl0.ovh.net', Port: '465', 'Security (encryption)': 'SSL/TLS' });
  await page.goto('?lang=en&provider=ovh-exchange&domain=boulangerie-ovh.example&step=settings');
  expect((await settings(page))['SMTP server']).toContain('Web Cloud → Microsoft → Exchange');
  expect(errors).toEqual([]);
});

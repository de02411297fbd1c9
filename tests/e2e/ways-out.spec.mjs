// Microsoft 365 once password sign-in for SMTP goes off (end of December 2026): the method
// screen worded against the date on both sides of the change, the ways out side by side, and
// a sending service walked through to its SPF record and settings, in both languages.
import { test, expect } from './fixtures.mjs';
import { open, step, next, settings, expectAccessible, answerMethod } from './helpers.mjs';

const method = (lang) => `?lang=${lang}&provider=microsoft365&domain=contoso-m365.example&step=m365-method`;

// date, language, the phase shown, words of the date line, words of the SMTP AUTH question
// and of its recommendation.
const dates = [
  ['2026-11-22', 'en', 'before', '39 days left at most', 'can your administrator enable it', 'plan the relay or a sending service'],
  ['2026-12-30', 'fr', 'before', '1 jour au plus', "votre administrateur peut-il l'activer", 'prévoyez le relais ou un service d\'envoi'],
  ['2026-12-31', 'en', 'before', 'may already have turned', 'can your administrator enable it', 'may already have turned'],
  ['2027-01-01', 'en', 'after', 'Since the end of December 2026', 'turned SMTP AUTH with a password back on', 'only until the final removal'],
  ['2027-03-15', 'fr', 'after', 'Depuis fin décembre 2026', 'réactivé SMTP AUTH par mot de passe', "jusqu'à la suppression définitive"],
];

for (const [date, lang, phase, now, question, reason] of dates) {
  test(`on ${date} (${lang}) the method screen says where the retirement stands`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(`${date}T10:00:00`));
    const errors = await open(page, method(lang));
    const line = page.locator('.timeline-now');
    await expect(line).toHaveAttribute('data-phase', phase);
    await expect(line).toContainText(now);
    // No verdict before the questions are answered.
    await expect(page.locator('.recommendation h2')).toHaveCount(0);
    await expect(page.locator('.answer-first')).toBeVisible();
    // The comparison's server and port rows (relay, SMTP AUTH, direct send, way out): SMTP
    // AUTH's server from the preset, the relay's port 25.
    const rows = page.locator('table.compare tbody tr');
    await expect(rows.nth(0).locator('td').nth(1)).toHaveText('smtp.office365.com');
    await expect(rows.nth(1).locator('td')).toHaveText(['25', '587', '25', '587']);
    // No fixed IP, no SMTP AUTH, customers outside: a way out, never "nothing fits".
    await answerMethod(page, ['external']);
    await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'ways-out');
    await expect(page.locator('[data-question="smtp-auth"] legend')).toContainText(question);
    await page.locator('#q-smtp-auth-yes').check();
    await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'smtp-auth');
    await expect(page.locator('.recommendation')).toContainText(reason);
    // A fixed IP at the site still wins over passwords.
    await page.locator('#q-fixed-ip-yes').check();
    await expect(page.locator('.recommendation h2')).toHaveAttribute('data-recommended', 'relay');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
}

test('the ways out, side by side, lead to a sending service with the SPF merged', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  const errors = await open(page, method('en'));
  await page.locator('[data-method="ways-out"]').click();
  expect(await step(page)).toBe('m365-ways-out');
  const table = page.locator('table.ways-out');
  await expect(table.locator('[data-way-out]')).toHaveCount(4);
  await expect(table).toContainText('Azure Communication Services Email');
  await expect(table).toContainText('temporary');
  await expect(table.locator('tr.ruled-out')).toContainText('High Volume Email');
  await expect(table.locator('tr.ruled-out')).toContainText('Does not fit');
  await expectAccessible(page);
  // The administrator's way out opens the SMTP AUTH branch.
  await table.locator('[data-step="m365-smtp-auth"]').click();
  expect(await step(page)).toBe('m365-smtp-auth');
  await page.goBack();
  expect(await step(page)).toBe('m365-ways-out');

  await page.locator('table.ways-out [data-provider="mailjet"]').click();
  expect(await step(page)).toBe('mailjet-keys');
  await next(page);
  expect(await step(page)).toBe('mailjet-domain');
  await expect(page.getByTestId('spf-before')).toHaveText('v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all');
  await expect(page.getByTestId('spf-after').locator('ins')).toHaveText('include:spf.mailjet.com');
  await expect(page.locator('.relay-spf code.record')).toContainText('contoso-m365.example. IN TXT');
  await expectAccessible(page);
  await next(page);
  expect(await step(page)).toBe('settings');
  const values = await settings(page);
  expect(values).toMatchObject({ 'SMTP server': 'in-v3.mailjet.com', Port: '587', 'Security (encryption)': 'STARTTLS' });
  expect(values['User name']).toContain('API key');
  expect(values.Password).toContain('secret key');
  expect(errors).toEqual([]);
});

test('SendGrid and Brevo: the user name to type, and no SPF change where none is asked', async ({ page }) => {
  const errors = await open(page, '?lang=fr&provider=sendgrid&domain=contoso-m365.example&step=settings');
  expect(await settings(page)).toMatchObject({ 'Serveur SMTP': 'smtp.sendgrid.net', "Nom d'utilisateur": 'apikey' });
  // The domain step reads its DKIM records: from the loopback resolver, never the Internet.
  const doh = encodeURIComponent(process.env.DOH_URL ?? 'http://127.0.0.1:1/dns-query');
  await page.goto(`?lang=fr&provider=brevo&domain=contoso-m365.example&step=brevo-domain&doh=${doh}`);
  await expect(page.locator('main')).toContainText('aucune modification de l\'enregistrement SPF');
  await expect(page.locator('.dkim-records li[data-selector="brevo1"]')).toHaveAttribute('data-state', 'missing');
  await page.goto(`?lang=fr&provider=brevo&domain=contoso-m365.example&step=settings&doh=${doh}`);
  const values = await settings(page);
  expect(values).toMatchObject({ 'Serveur SMTP': 'smtp-relay.brevo.com', Port: '587' });
  expect(values['Mot de passe']).toContain('clé SMTP');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('Azure Communication Services: walked from the resources to its settings, in French', async ({ page }) => {
  const errors = await open(page, '?lang=fr&app=isagi-connect&provider=azure-communication-services&domain=fabrikam.example&step=acs-resources');
  const seen = [await step(page)];
  while (await page.locator('[data-action="next"]').count()) {
    await next(page);
    await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', seen.at(-1));
    seen.push(await step(page));
    if (seen.at(-1) === 'acs-domain') {
      // fabrikam already publishes Microsoft's include: nothing to add.
      await expect(page.getByTestId('spf-after').locator('ins')).toHaveCount(0);
    }
  }
  expect(seen).toEqual(['acs-resources', 'acs-domain', 'acs-entra-app', 'acs-smtp-username', 'acs-sender', 'settings', 'test-email']);
  await page.locator('[data-action="back"]').click();
  const values = await settings(page);
  expect(values).toMatchObject({ 'Serveur SMTP': 'smtp.azurecomm.net', Port: '587', Sécurité: 'STARTTLS' });
  expect(values['Mot de passe (utilisateur)']).toContain('secret client');
  expect(errors).toEqual([]);
});

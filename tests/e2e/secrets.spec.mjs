// Issue 29: no link the page writes carries a password or a mailbox name, whatever was typed
// in the wrong field or linked in; headers' domains are checked before they are shown as
// domains; the link builder's preview leaves the history alone; pasted texts are capped.
import { test, expect } from './fixtures.mjs';
import { open, expectAccessible } from './helpers.mjs';

const SECRETS = ['secret', 'hunter2', 'jean.dupont', 'jean%40', 'paul', 'name%3A'];

/** Every URL of this tab's history, walked back to the first entry and forward again. */
async function historyUrls(page) {
  const length = await page.evaluate(() => history.length);
  const urls = [page.url()];
  for (let i = 1; i < length; i++) {
    const before = page.url();
    await page.goBack();
    if (page.url() === before || page.url() === 'about:blank') break;
    urls.push(page.url());
  }
  return urls;
}

function expectNoSecret(texts) {
  for (const text of texts) {
    for (const secret of SECRETS) expect(text, `${secret} in ${text}`).not.toContain(secret);
  }
}

async function copiedDiagnosisLink(page, name) {
  await page.getByRole('button', { name }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const [lang, words] of [
  ['en', { address: 'Sending address', host: 'SMTP server', port: 'Port', user: 'User name', security: 'Security (encryption)', share: 'Copy a link to this diagnosis', split: 'Split it into the fields (without the password)', url: 'holds a whole URL', password: 'also holds a password', sentTo: 'is sent to' }],
  ['fr', { address: "Adresse d'envoi", host: 'Serveur SMTP', port: 'Port', user: "Nom d'utilisateur", security: 'Sécurité (chiffrement)', share: 'Copier un lien vers ce diagnostic', split: 'Le répartir dans les champs (sans le mot de passe)', url: 'contient une URL entière', password: 'contient aussi un mot de passe', sentTo: 'est envoyé à' }],
]) {
  test(`the doctor with a credentials URL in the server field shares none of it, and splits it (${lang})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, `?lang=${lang}&tool=doctor`);
    await page.getByLabel(words.address, { exact: true }).fill('jean.dupont@gmail.com');
    await page.getByLabel(words.host, { exact: true }).fill('smtps://name:secret@smtp.gmail.com:465');
    const first = page.locator('.doctor-results .findings li').first();
    await expect(first).toHaveAttribute('data-finding', 'server-url');
    await expect(first).toContainText(words.url);
    await expect(first).toContainText(words.password);
    await expect(first).toContainText('smtp.gmail.com');
    await expectAccessible(page);
    const link = await copiedDiagnosisLink(page, words.share);
    expect(link).toContain('tool=doctor');
    expect(link).not.toContain('host=');
    expectNoSecret([link, page.url()]);
    // Split: the fields get the URL's parts, the password goes nowhere.
    await first.getByRole('button', { name: words.split }).click();
    await expect(page.getByLabel(words.host, { exact: true })).toHaveValue('smtp.gmail.com');
    await expect(page.getByLabel(words.port, { exact: true })).toHaveValue('465');
    await expect(page.getByLabel(words.security, { exact: true })).toHaveValue('ssl');
    await expect(page.getByLabel(words.user, { exact: true })).toHaveValue('name');
    await expect(page.locator('.doctor-results li[data-finding="server-url"]')).toHaveCount(0);
    const split = await copiedDiagnosisLink(page, words.share);
    expect(split).toContain('host=smtp.gmail.com');
    expect(split).toContain('port=465');
    expect(split).toContain('security=ssl');
    expectNoSecret([split, page.url()]);
    expectNoSecret(await historyUrls(page));
  });

  test(`the doctor with an address in the server field and a password in the port field shares neither (${lang})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, `?lang=${lang}&tool=doctor`);
    await page.getByLabel(words.address, { exact: true }).fill('jean.dupont@acme-google.example');
    await page.getByLabel(words.address, { exact: true }).press('Tab');
    // A custom domain's MX is read over DoH: the page says who receives the domain.
    await expect(page.locator('form.doctor .resolver-note')).toContainText(words.sentTo);
    await page.getByLabel(words.host, { exact: true }).fill('jean.dupont@acme-google.example');
    await page.getByLabel(words.port, { exact: true }).fill('hunter2');
    await expect(page.locator('.doctor-results li[data-finding="host-is-address"]')).toBeVisible();
    const link = await copiedDiagnosisLink(page, words.share);
    expect(link).not.toContain('host=');
    expect(link).not.toContain('port=');
    expect(link).toContain('domain=acme-google.example');
    expectNoSecret([link, page.url(), ...await historyUrls(page)]);
  });
}

test('a link with user= and password= parameters: named in a notice, dropped from every link the page writes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?lang=en&tool=doctor&user=paul%40acme.fr&password=hunter2&utm_source=help&host=smtp.gmail.com');
  await expect(page.locator('.notice')).toContainText('(user, password)');
  await expect(page.locator('.notice')).not.toContainText('utm_source');
  expect(page.url()).toContain('host=smtp.gmail.com');
  expect(page.url()).not.toContain('utm_source');
  expectNoSecret([page.url()]);
  await expect(page.getByLabel('SMTP server')).toHaveValue('smtp.gmail.com');
  await page.getByLabel('Sending address').fill('jean@gmail.com');
  await page.getByLabel('SMTP server').fill('smtp.gmial.com');
  expectNoSecret([await copiedDiagnosisLink(page, 'Copy a link to this diagnosis')]);
  // The fix links and the footer's links too.
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.href));
  expect(hrefs.length).toBeGreaterThan(3);
  expectNoSecret(hrefs);
  for (const href of hrefs.filter((h) => !h.includes('tool=doctor'))) expect(href).not.toContain('host=');
  expectNoSecret(await historyUrls(page));
});

test('a step link with a password parameter: "Copy a link to this step" and the page URL drop it (French)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?lang=fr&provider=gmail&step=google-2sv&MAIL_PASSWORD=hunter2&email=jean.dupont%40gmail.com');
  await expect(page.locator('.notice')).toContainText('MAIL_PASSWORD, email');
  await expect(page.locator('.notice')).toContainText('changez ce mot de passe');
  await page.locator('[data-action="copy-link"]').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('step=google-2sv');
  expectNoSecret([link, page.url()]);
  await page.locator('[data-action="next"]').click();
  await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', 'google-2sv');
  expectNoSecret(await historyUrls(page));
});

const headersWith = (domain) => [
  'Received: from out.example.net (out.example.net [192.0.2.1]) by mx.google.com with ESMTPS id a1; Tue, 1 Dec 2026 10:00:00 +0000',
  `Authentication-Results: mx.google.com; dkim=pass header.i=@${domain} header.s=s1; spf=pass smtp.mailfrom=bounce@${domain}; dmarc=pass (p=REJECT) header.from=${domain}`,
  `From: Service <service@${domain}>`,
  'Subject: Invoice',
].join('\n');

for (const [lang, what, domain, shown, warning] of [
  ['en', 'a right-to-left override', '\u202Erf.lapyap', '[U+202E]rf.lapyap', 'not domain names'],
  ['fr', 'a junk From domain', 'junk_.-', 'junk_.-', "qui n'en sont pas"],
]) {
  test(`headers with ${what}: shown escaped, warned, never checked (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}&tool=headers`);
    await page.locator('#headers-text').fill(headersWith(domain));
    const findings = page.locator('.headers-reading .findings li');
    await expect(findings.first()).toContainText(warning);
    await expect(findings.first()).toContainText(shown);
    await expect(page.getByTestId('from-domain')).toContainText(shown);
    await expect(page.locator('.headers-reading')).not.toContainText('\u202E');
    await expect(page.locator('.headers-reading [data-action="open-fix"]')).toHaveCount(0);
    await expect(findings).not.toContainText(['Authenticated', 'Authentifié']);
    await expectAccessible(page);
  });
}

test('the link builder: the preview follows a pause in typing, Back leaves the tool, the snippet may copy', async ({ page }) => {
  await page.clock.install();
  await open(page, '?lang=en');
  await page.getByRole('link', { name: 'Link for support' }).click();
  await expect(page.locator('section.screen')).toHaveAttribute('data-tool', 'link');
  const preview = page.frameLocator('.link-preview');
  await expect(preview.locator('section.screen')).toBeVisible();
  // From here the clock moves only when the test says: typing takes no time, then a pause.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  const loads = [];
  page.on('request', (r) => { if (r.resourceType() === 'document' && r.frame() !== page.mainFrame()) loads.push(r.url()); });
  await page.locator('#link-provider').selectOption('orange');
  await page.locator('#link-provider').selectOption('gmail');
  await page.locator('#link-domain').pressSequentially('acme.fr');
  expect(loads).toEqual([]);
  await page.clock.runFor(1000);
  await expect(preview.locator('section.screen')).toHaveAttribute('data-step', 'google-sign-in');
  await expect.poll(() => loads.length).toBe(1);
  expect(loads[0]).toContain('domain=acme.fr');
  await expect(page.getByTestId('embed-snippet')).toContainText('allow="clipboard-write"');
  await page.goBack();
  await expect(page.locator('section.screen')).toHaveAttribute('data-step', 'address');
  await expect(page.locator('section.screen')).not.toHaveAttribute('data-tool', 'link');
});

for (const [lang, tool, field, words] of [
  ['en', 'errors', '#error-text', 'Only the first 20000 characters are read'],
  ['fr', 'doctor', '#doctor-error', 'Seuls les 20000 premiers caractères sont lus'],
]) {
  test(`a pasted text of megabytes is cut, with a message (${tool}, ${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}&tool=${tool}`);
    const huge = `535 5.7.8 Username and Password not accepted. ${'x'.repeat(5_000_000)}`;
    await page.locator(field).evaluate((el, text) => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, huge);
    await expect(page.getByText(words)).toBeVisible();
    expect(await page.locator(field).evaluate((el) => el.value.length)).toBe(20_000);
  });
}

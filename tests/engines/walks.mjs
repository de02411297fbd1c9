// What a user does in each screen kind, written once for every engine: each walk types and
// clicks through the page (`t`, see run.mjs) and waits for what the page must show. The
// Chromium suite (tests/e2e/) checks the same screens in depth; these walks check that they
// work at all in Firefox and WebKit.
import { readFileSync } from 'node:fs';

const block = (name) => readFileSync(new URL(`../headers/${name}`, import.meta.url), 'utf8');

/** From the address to the settings card, following Next. */
async function toSettings(t) {
  while ((await t.step()) !== 'settings') await t.next();
}

export const walks = [
  ['Gmail: address, walkthrough, settings card, language switch, Back and Forward', async (t) => {
    await t.open('?lang=en&app=lokisi');
    await t.fill('#address', 'factures@gmail.com');
    await t.click('button[type="submit"]');
    await t.see('section.screen[data-step="google-sign-in"]');
    await toSettings(t);
    await t.see('table.settings', 'smtp.gmail.com');
    await t.see('table.settings', 'IP Address / Hostname');
    await t.click('.lang-switch');
    await t.see('h1', 'Les réglages à saisir dans LoKisi');
    await t.back();
    await t.see('section.screen[data-step="google-copy-password"]');
    await t.forward();
    await t.see('table.settings', 'smtp.gmail.com');
  }],
  ['an OVHcloud domain through E-mail Pro, its host typed', async (t) => {
    await t.open('?lang=fr');
    await t.fill('#address', 'contact@boulangerie-ovh.example');
    await t.click('button[type="submit"]');
    await t.see('section.screen[data-step="provider"]');
    await t.click('[data-action="continue-detected"]');
    await t.see('section.screen[data-step="ovh-offer"]');
    await t.click('.offers [data-provider="ovh-email-pro"]');
    await t.see('section.screen[data-step="ovh-pro-host"]');
    await t.fill('#typed-host', 'pro1.mail.ovh.net');
    await toSettings(t);
    await t.see('table.settings', 'pro1.mail.ovh.net');
  }],
  ["Microsoft 365's relay to its SPF step, on the loopback DoH", async (t) => {
    await t.open('?lang=en&app=isagi-connect');
    await t.fill('#address', 'factures@contoso-m365.example');
    await t.click('button[type="submit"]');
    await t.see('section.screen[data-step="provider"]');
    await t.click('[data-action="continue-detected"]');
    await t.see('section.screen[data-step="m365-method"]');
    for (const question of ['external', 'several-senders', 'fixed-ip', 'smtp-auth', 'hosted']) {
      await t.click(`#q-${question}-${['external', 'fixed-ip'].includes(question) ? 'yes' : 'no'}`);
    }
    await t.see('.recommendation h2[data-recommended="relay"]');
    await t.click('[data-method="relay"]');
    await t.see('section.screen[data-step="relay-prerequisites"]');
    await t.next();
    await t.see('.mx-result [data-mx="microsoft"]', 'contoso-m365-example.mail.protection.outlook.com');
    await t.next();
    await t.fill('#site-0', '203.0.114.10');
    await t.next();
    await t.see('.connector-ips', '203.0.114.10');
    await t.next();
    await t.see('[data-testid="spf-before"]', 'v=spf1 include:spf.protection.outlook.com ip4:203.0.114.10 -all');
  }],
  ['the SPF tool: a pasted record checked, a domain read over DoH', async (t) => {
    await t.open('?lang=en&tool=spf');
    await t.fill('#spf-record', 'v=spf1 ptr -all mx');
    await t.see('.spf-check', 'Terms after all are never evaluated: mx');
    await t.fill('#spf-domain', 'acme-google.example');
    await t.press('Enter');
    await t.value('#spf-record', 'v=spf1 include:_spf.google.com ~all');
  }],
  ['the DNS check: every record, an IP judged, the receivers, the language switched', async (t) => {
    await t.open('?lang=en&tool=dns&domain=contoso-m365.example&provider=microsoft365');
    await t.see('.check[data-check="dkim"]', 'selector1');
    await t.fill('#dns-ip', '203.0.114.10');
    await t.click('[data-action="dns-check"]');
    await t.see('.check[data-check="spf"]', '203.0.114.10 is authorised (pass).');
    await t.see('ul.receivers li[data-receiver="gmail"]');
    await t.click('.lang-switch');
    await t.see('.check[data-check="spf"]', '203.0.114.10 est autorisée');
  }],
  ['the errors tool: a pasted error explained, its fix opened', async (t) => {
    await t.open('?lang=en&tool=errors&provider=gmail&domain=gmail.com');
    await t.fill('#error-text', 'Send failed: 534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor');
    await t.see('.diagnosis-match[data-error="gmail-app-password-required"]', 'usual password');
    await t.click('[data-action="open-fix"]');
    await t.see('section.screen[data-step]');
  }],
  ['the headers tool: an iCloud-shaped block read, the language switched', async (t) => {
    await t.open('?lang=en&tool=headers');
    await t.fill('#headers-text', block('icloud-shaped.eml'));
    await t.see('table.verdicts tr[data-check="dkim"][data-outcome="pass"]');
    await t.see('[data-testid="sending-ip"]', '198.51.100.25');
    await t.see('ul.receivers li[data-receiver="yahoo"][data-bulk="yes"]');
    await t.click('.lang-switch');
    await t.see('[data-testid="receivers-by"]', 'a écrits');
  }],
  ['the settings doctor: a form read against the preset', async (t) => {
    await t.open('?lang=en&app=lokisi&tool=doctor');
    await t.fill('#doctor-address', 'factures@gmail.com');
    await t.fill('#doctor-host', 'smtp.gmail.com');
    await t.fill('#doctor-port', '465');
    await t.fill('#doctor-user', 'factures@gmail.com');
    await t.click('#doctor-password-app');
    await t.see('.doctor-results .findings li[data-finding="consistent"]');
    await t.see('.doctor-provider', 'Gmail');
  }],
  ['the link builder: a support link written and opened', async (t) => {
    await t.open('?lang=en&tool=link');
    await t.select('#link-app', 'odoo');
    await t.select('#link-provider', 'orange');
    await t.select('#link-step', 'settings');
    const link = await t.see('[data-testid="support-link"]', 'provider=orange');
    await t.open(link.trim().replace(/^.*\?/, '?'));
    await t.see('table.settings', 'smtp.orange.fr');
  }],
  ['a deep link of each kind: a step, a relay step, a tool', async (t) => {
    await t.open('?lang=fr&app=odoo&provider=gmail&domain=gmail.com&step=google-app-passwords');
    await t.see('section.screen[data-step="google-app-passwords"]');
    await t.open('?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-domain');
    await t.see('.mx-result [data-mx="microsoft"]');
    await t.open('?lang=en&tool=headers');
    await t.see('#headers-text');
  }],
  ['the page under the strict policy of docs/embedding.md', async (t) => {
    await t.open('?lang=en&tool=spf', t.site);
    await t.fill('#spf-record', 'v=spf1 mx -all');
    await t.see('.spf-check', 'No problem found');
    await t.open('?lang=en', t.site);
    await t.fill('#address', 'factures@gmail.com');
    await t.click('button[type="submit"]');
    await t.see('section.screen[data-step="google-sign-in"]');
  }],
  ['the single file from file://', async (t) => {
    await t.open('?lang=en&tool=spf', t.single);
    await t.fill('#spf-record', 'v=spf1 mx -all');
    await t.see('.spf-check', 'No problem found');
    await t.open('?lang=fr&app=odoo&provider=orange&step=settings', t.single);
    await t.see('table.settings', 'smtp.orange.fr');
  }],
];

/** The walks the broken build must fail, and the text each failure must carry. */
export const broken = [
  ['a tool whose pack is cut short', '?lang=en&tool=spf', '#spf-record', 'CompileError'],
  ['a tool whose script throws', '?lang=en&tool=errors', '#error-text', 'deliberately broken: the errors tool'],
];

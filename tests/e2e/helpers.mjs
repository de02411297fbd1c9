// What every browser test does: open the app, type an address, walk, check accessibility.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { notListed } from './fixtures.mjs';

/** How long a test waits for the first screen. */
const FIRST_SCREEN_MS = 15_000;

/**
 * Opens the app with a query string and waits until the first screen is drawn. DNS goes to
 * the loopback test resolver, and provider look-ups to the loopback stand-in of Thunderbird's
 * database, unless the query names others: tests never query the Internet.
 */
export async function open(page, query = '') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !notListed(m)) errors.push(m.text()); });
  for (const [name, url] of [['doh', process.env.DOH_URL], ['ispdb', process.env.ISPDB_URL]]) {
    if (url && !query.includes(`${name}=`)) {
      const param = `${name}=${encodeURIComponent(url)}`;
      query = query.includes('?') ? `${query}&${param}` : `${query}?${param}`;
    }
  }
  await page.goto(query);
  // On a busy two-core machine the main module's transfer was once seen to take 4.8 s
  // (Chromium 148's trace of a fresh-clone run): the first screen gets the time of a step.
  await expect(page.locator('section.screen')).toBeVisible({ timeout: FIRST_SCREEN_MS });
  return errors;
}

export async function enterAddress(page, address) {
  await page.getByRole('textbox').fill(address);
  await page.getByRole('button', { name: /^(Continue|Continuer)$/ }).click();
}

export function step(page) {
  return page.locator('section.screen').getAttribute('data-step');
}

export async function next(page) {
  await page.locator('[data-action="next"]').click();
}

/** Answers the Microsoft 365 method questions: yes to those in `yes`, no to the others. */
export async function answerMethod(page, yes = []) {
  for (const question of ['external', 'several-senders', 'fixed-ip', 'smtp-auth', 'hosted']) {
    await page.locator(`#q-${question}-${yes.includes(question) ? 'yes' : 'no'}`).check();
  }
}

/** Fails on any serious or critical axe violation of the current screen. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

/** Walks with Next to the end of the path, checking each screen; returns the step ids seen. */
/** What each step of a walk adds to its test's time limit: a step and its accessibility check. */
const STEP_MS = 4_000;

/**
 * Follows Next to the path's end, checking each step's accessibility. The test's time limit
 * grows with every step, so a long path does not pass only by retry on a busy machine.
 */
export async function walkToEnd(page) {
  const seen = [await step(page)];
  await expectAccessible(page);
  while (await page.locator('[data-action="next"]').count()) {
    test.info().setTimeout(test.info().timeout + STEP_MS);
    await next(page);
    await expect(page.locator('section.screen')).not.toHaveAttribute('data-step', seen.at(-1));
    seen.push(await step(page));
    await expectAccessible(page);
  }
  return seen;
}

/** The settings card as { label: value }. */
export async function settings(page) {
  const rows = page.locator('table.settings tbody tr');
  await rows.first().waitFor();
  const out = {};
  for (let i = 0; i < await rows.count(); i++) {
    const row = rows.nth(i);
    out[(await row.locator('th').innerText()).trim()] = (await row.locator('.value-text').innerText()).trim();
  }
  return out;
}

// provider, domain in the link, every step id of its path after the address.
export const linkable = [
  ['gmail', 'gmail.com', ['google-sign-in', 'google-2sv', 'google-app-passwords', 'google-app-name', 'google-copy-password', 'settings', 'test-email']],
  ['google-workspace', 'acme.fr', ['provider', 'google-sign-in', 'google-2sv', 'google-app-passwords', 'google-app-name', 'google-copy-password', 'settings', 'test-email']],
  ['outlook', 'outlook.fr', ['outlook-no-password', 'outlook-account-security', 'outlook-ways-out', 'outlook-sending-services']],
  ['microsoft365', 'acme.fr', ['provider', 'm365-method', 'm365-ways-out', 'm365-smtp-auth', 'm365-timeline', 'm365-app-password', 'settings', 'test-email', 'relay-prerequisites', 'relay-domain', 'relay-ips', 'relay-connector', 'relay-spf', 'relay-settings', 'relay-verify', 'relay-dkim', 'relay-limits', 'direct-send']],
  ['orange', 'orange.fr', ['settings', 'test-email']],
  ['sfr', 'sfr.fr', ['settings', 'test-email']],
  ['free', 'free.fr', ['settings', 'test-email']],
  ['laposte', 'laposte.net', ['settings', 'test-email']],
  ['bbox', 'bbox.fr', ['settings', 'test-email']],
  ['ovh', 'acme.fr', ['provider', 'ovh-offer', 'settings', 'test-email']],
  ['ovh-email-pro', 'acme.fr', ['provider', 'ovh-pro-host', 'settings', 'test-email']],
  ['ovh-exchange', 'acme.fr', ['provider', 'ovh-exchange-host', 'settings', 'test-email']],
  ['infomaniak', 'acme.fr', ['provider', 'settings', 'test-email']],
  ['zoho-eu', 'zoho.eu', ['settings', 'test-email']],
  ['zoho-eu-domain', 'acme.fr', ['provider', 'settings', 'test-email']],
  ['proton', 'acme.fr', ['provider', 'settings', 'test-email']],
  ['hostinger', 'acme.fr', ['provider', 'settings', 'test-email']],
  ['mailo', 'netcourrier.com', ['settings', 'test-email']],
  ['ionos', 'acme.fr', ['provider', 'settings', 'test-email']],
  ['gandi', 'acme.fr', ['provider', 'settings', 'test-email']],
  ['yahoo', 'yahoo.fr', ['yahoo-app-password', 'settings', 'test-email']],
  ['icloud', 'icloud.com', ['icloud-app-password', 'settings', 'test-email']],
  ['gmx', 'gmx.fr', ['settings', 'test-email']],
  ['gmx-net', 'gmx.de', ['settings', 'test-email']],
  ['aol', 'aol.fr', ['aol-app-password', 'settings', 'test-email']],
  ['brevo', 'acme.fr', ['provider', 'brevo-smtp-key', 'brevo-domain', 'settings', 'test-email']],
  ['mailjet', 'acme.fr', ['provider', 'mailjet-keys', 'mailjet-domain', 'settings', 'test-email']],
  ['sendgrid', 'acme.fr', ['provider', 'sendgrid-api-key', 'sendgrid-domain', 'settings', 'test-email']],
  ['azure-communication-services', 'acme.fr', ['provider', 'acs-resources', 'acs-domain', 'acs-entra-app', 'acs-smtp-username', 'acs-sender', 'settings', 'test-email']],
  ['other', 'acme.fr', ['provider', 'own-server-ask-it', 'settings', 'test-email']],
];


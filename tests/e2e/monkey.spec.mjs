// A user who tries everything: on each kind of screen, a seeded run of random clicks, junk
// typed and sent with Enter, options chosen, language switches, Back and Forward. The
// fixture fails the test on any page error, console error or failed request; at the end the
// page must still answer. Longer or other runs: MONKEY_ACTIONS (30 by default), MONKEY_SEED,
// and MONKEY_LOG=1 to print each action (how the doctor's Back bug was found).
import { test, expect } from './fixtures.mjs';
import { open } from './helpers.mjs';

const entries = [
  ['first screen', '?lang=en'],
  ['provider screen', '?lang=fr&provider=ovh'],
  ['walkthrough', '?lang=en&provider=gmail&domain=gmail.com&step=google-2sv'],
  ['settings card', '?lang=fr&app=odoo&provider=orange&domain=orange.fr&step=settings'],
  ['method chooser', '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=m365-method'],
  ['relay step', '?lang=en&provider=microsoft365&domain=contoso-m365.example&step=relay-ips'],
  ['ways out', '?lang=fr&provider=outlook&step=outlook-sending-services'],
  ['SPF tool', '?lang=en&tool=spf&domain=contoso-m365.example'],
  ['DNS tool', '?lang=fr&tool=dns&domain=contoso-m365.example&provider=microsoft365'],
  ['errors tool', '?lang=en&tool=errors'],
  ['headers tool', '?lang=fr&tool=headers'],
  ['settings doctor', '?lang=en&app=lokisi&tool=doctor'],
  ['link builder', '?lang=en&tool=link'],
];

/** What a user types, and what a bad paste brings. */
const junk = [
  '', ' ', 'jean.dupont@orange.fr', 'contoso-m365.example', '203.0.114.10', '192.168.1.20', '::1',
  'v=spf1 include:spf.protection.outlook.com -all', '535 5.7.139 Authentication unsuccessful',
  '<img src=x onerror=alert(1)>', 'é'.repeat(300), '@@@', 'a@b', 'smtp.office365.com', '587',
  'Received: from mx.example (mx.example [198.51.100.25])\nAuthentication-Results: mx.example; spf=pass',
];

/** Mulberry32: the same run on every machine. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The visible controls of a kind, leaving out what leaves the page (other sites, print). */
async function controls(page, kind) {
  const selector = {
    click: 'button:not([disabled]), a[href^="?"], a[href^="#"], a[href^="./"], input[type=radio], input[type=checkbox], summary',
    type: 'input[type=text], input[type=email], input:not([type]), input[type=search], textarea',
    // Not the resolver: the tests answer DNS on loopback only.
    choose: 'select:not(#dns-resolver)',
  }[kind];
  const all = page.locator(selector);
  const visible = [];
  for (let i = 0; i < (await all.count()); i++) {
    const control = all.nth(i);
    const leaves = await control.evaluate((e) => e.dataset.action === 'print' || e.target === '_blank').catch(() => true);
    if (!leaves && (await control.isVisible().catch(() => false))) visible.push(control);
  }
  return visible;
}

for (const [what, query] of entries) {
  test(`a user who tries everything on the ${what}`, async ({ page, context }) => {
    test.setTimeout(90_000 + 1_500 * Number(process.env.MONKEY_ACTIONS ?? 0));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.setFixedTime(new Date('2026-12-03T10:00:00'));
    await open(page, query);
    const pick = random(what.length * 7919 + Number(process.env.MONKEY_SEED ?? 0));
    const any = (list) => list[Math.floor(pick() * list.length)];
    const log = (...what) => process.env.MONKEY_LOG && console.log(what.join(' '));
    page.on('pageerror', (e) => log('  !! page error', e.message, e.stack));
    for (let n = 0; n < Number(process.env.MONKEY_ACTIONS ?? 30); n++) {
      const roll = pick();
      log(n, page.url().replace(/^.*\?/, '?').replace(/&(doh|ispdb)=[^&]*/g, ''));
      if (roll < 0.5) {
        const control = any(await controls(page, 'click'));
        log('  click', await control?.evaluate((e) => e.outerHTML.slice(0, 120)).catch(() => '?'));
        await control?.click({ timeout: 2_000 }).catch(() => {});
      } else if (roll < 0.75) {
        const field = any(await controls(page, 'type'));
        const text = any(junk);
        log('  type', await field?.getAttribute('id').catch(() => '?'), JSON.stringify(text.slice(0, 40)));
        await field?.fill(text, { timeout: 2_000 }).catch(() => {});
        if (pick() < 0.5) await field?.press('Enter', { timeout: 2_000 }).catch(() => {});
      } else if (roll < 0.83) {
        const select = any(await controls(page, 'choose'));
        const values = select ? await select.locator('option').evaluateAll((o) => o.map((x) => x.value)) : [];
        log('  select', await select?.getAttribute('id').catch(() => '?'));
        if (values.length) await select.selectOption(any(values), { timeout: 2_000 }).catch(() => {});
      } else if (roll < 0.91) {
        log('  language');
        await page.locator('.lang-switch').click({ timeout: 2_000 }).catch(() => {});
      } else if (roll < 0.96) {
        log('  back');
        await page.goBack({ timeout: 5_000 }).catch(() => {});
        // Not back out of the app to the blank page it was opened from.
        if (!page.url().startsWith('http')) await page.goForward({ timeout: 5_000 });
      } else {
        log('  forward');
        await page.goForward({ timeout: 5_000 }).catch(() => {});
      }
      await page.waitForTimeout(60);
    }
    // Still alive: a screen is shown and the language switch answers.
    await expect(page.locator('section.screen')).toBeVisible();
    const lang = await page.locator('html').getAttribute('lang');
    await page.locator('.lang-switch').click();
    await expect(page.locator('html')).not.toHaveAttribute('lang', lang);
  });
}

// The cross-engine suite `cargo xtask test` runs after the Chromium suite: every walk of
// walks.mjs in Firefox ESR and in WebKitGTK (Safari's engine), the settings card's layout at
// 375 and 1280 px compared with Chromium's, and a check of the suite itself: a deliberately
// broken build must fail in both engines with its error's text. A walk fails on anything the
// page or the browser reports (see hook.js), as the Chromium suite does.
// Environment (set by xtask/src/engines.rs): BASE_URL, SITE_URL, BROKEN_URL, SINGLE_FILE,
// DOH_URL, ISPDB_URL, CHROMIUM, FIREFOX, WEBKIT_DRIVER, WEBKIT_BROWSER, DISPLAY, OUT_DIR.
import { pathToFileURL } from 'node:url';
import { chromiumReference, firefox, webkit } from './drivers.mjs';
import { broken, walks } from './walks.mjs';

const env = process.env;
/** How long a walk waits for what the page must show. */
const SEE_MS = 15_000;
/** A walk that takes longer is stopped: a driver that no longer answers fails, not hangs. */
const WALK_MS = 120_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The services on loopback, unless the query names its own. */
function withServices(query) {
  for (const [name, url] of [['doh', env.DOH_URL], ['ispdb', env.ISPDB_URL]]) {
    if (!query.includes(`${name}=`)) query += `${query.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(url)}`;
  }
  return query;
}

/** What a walk does with the page, in any engine. */
function context(driver) {
  const t = {
    site: env.SITE_URL,
    single: pathToFileURL(env.SINGLE_FILE).href,
    problems: [],
    async open(query, base = env.BASE_URL) {
      t.problems.push(...await driver.problems());
      await driver.open(base + withServices(query));
      await t.see('section.screen');
    },
    /** Waits until `expression` is truthy in the page, and returns it. */
    async until(expression, what) {
      const end = Date.now() + SEE_MS;
      while (Date.now() < end) {
        const value = await driver.eval(expression).catch(() => undefined);
        if (value) return value;
        await sleep(50);
      }
      throw new Error(`not shown within ${SEE_MS / 1000} s: ${what}`);
    },
    /** Waits until `selector` is shown, holding `text` when given; returns its text. */
    see(selector, text) {
      const s = JSON.stringify(selector);
      return t.until(`(() => {
        const el = document.querySelector(${s});
        if (!el || !el.getClientRects().length) return null;
        const shown = el.innerText;
        return ${text === undefined ? 'true' : `shown.includes(${JSON.stringify(text)})`} ? shown || ' ' : null;
      })()`, `${selector}${text === undefined ? '' : ` showing "${text}"`}`);
    },
    value(selector, value) {
      return t.until(`document.querySelector(${JSON.stringify(selector)})?.value === ${JSON.stringify(value)}`,
        `${selector} holding "${value}"`);
    },
    step: () => driver.eval(`document.querySelector('section.screen')?.dataset.step ?? null`),
    async next() {
      const before = await t.step();
      await driver.click('[data-action="next"]');
      await t.until(`document.querySelector('section.screen')?.dataset.step !== ${JSON.stringify(before)}`,
        `the step after ${before}`);
    },
    click: (selector) => driver.click(selector),
    fill: (selector, text) => driver.fill(selector, text),
    press: (key) => driver.press(key),
    select: (selector, value) => driver.select(selector, value),
    back: () => driver.back(),
    forward: () => driver.forward(),
  };
  return t;
}

/** Runs `walk`; returns what went wrong (an empty list when nothing did). */
async function attempt(driver, walk) {
  const t = context(driver);
  let failure;
  let timer;
  try {
    await Promise.race([
      walk(t),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`the walk took over ${WALK_MS / 1000} s`)), WALK_MS); }),
    ]);
  } catch (e) {
    failure = e.message;
  } finally {
    clearTimeout(timer);
  }
  const problems = [...t.problems, ...await driver.problems().catch((e) => [String(e)])];
  await driver.open('about:blank').catch(() => {});
  return [failure, ...problems].filter(Boolean);
}

/** The settings card's layout at one width, read inside the frame of layout.html. */
const LAYOUT = `(() => {
  const frame = document.getElementById('frame');
  const doc = frame?.contentDocument;
  const card = doc?.querySelector('table.settings')?.closest('section.screen');
  if (!card || !card.getClientRects().length) return null;
  const width = frame.contentWindow.innerWidth;
  const breakage = [];
  if (doc.documentElement.scrollWidth > width + 1) breakage.push('the page scrolls sideways');
  for (const el of card.querySelectorAll('h1, h2, p, li, th, button, label, .value-text')) {
    const text = el.innerText?.trim();
    if (!text || !el.getClientRects().length) continue;
    const box = el.getBoundingClientRect();
    const inScroller = el.closest('.table-scroll');
    if (!inScroller && (box.left < -1 || box.right > width + 1)) breakage.push('"' + text.slice(0, 30) + '" runs past the edge');
    const style = getComputedStyle(el);
    if (el.scrollWidth > el.clientWidth + 1 && ['hidden', 'clip'].includes(style.overflowX)) breakage.push('"' + text.slice(0, 30) + '" is clipped');
  }
  return {
    breakage,
    rows: [...card.querySelectorAll('table.settings tbody th')].map((th) => th.innerText.trim()),
    height: Math.round(card.getBoundingClientRect().height),
  };
})()`;
const CARD = '?lang=fr&app=lokisi&provider=gmail&domain=gmail.com&step=settings';
const WIDTHS = [375, 1280];

async function layouts(driver) {
  const out = {};
  for (const width of WIDTHS) {
    const src = `${env.BASE_URL}${withServices(CARD)}`;
    await driver.open(`${env.BASE_URL}__layout.html?w=${width}&h=900&src=${encodeURIComponent(src)}`);
    const t = context(driver);
    out[width] = await t.until(LAYOUT, `the settings card at ${width} px`);
    await driver.screenshot(`${env.OUT_DIR}/card-${driver.name.split(' ')[0].toLowerCase()}-${width}.png`);
  }
  await driver.open('about:blank');
  return out;
}

/** What an engine's layout breaks that Chromium's does not. */
function compare(reference, mine) {
  const wrong = [];
  for (const width of WIDTHS) {
    const [r, m] = [reference[width], mine[width]];
    for (const b of m.breakage) if (!r.breakage.includes(b)) wrong.push(`at ${width} px: ${b}`);
    if (m.rows.join('|') !== r.rows.join('|')) wrong.push(`at ${width} px: rows ${m.rows} where Chromium shows ${r.rows}`);
    if (m.height > r.height * 1.5 || m.height < r.height / 1.5) {
      wrong.push(`at ${width} px: the card is ${m.height} px high, Chromium's ${r.height} px`);
    }
  }
  return wrong;
}

/** Every walk, the layout, then the broken build, in one engine; returns its failures. */
async function suite(start, reference) {
  const began = Date.now();
  const driver = await start();
  const failures = [];
  const report = (ok, what, ms, details = []) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} [${driver.name}] ${what} (${(ms / 1000).toFixed(1)} s)`);
    for (const d of details) console.log(`       ${d}`);
    if (!ok) failures.push(`[${driver.name}] ${what}: ${details.join(' | ')}`);
  };
  try {
    for (const [name, walk] of walks) {
      const at = Date.now();
      const wrong = await attempt(driver, walk);
      report(!wrong.length, name, Date.now() - at, wrong);
    }
    let at = Date.now();
    const mine = await layouts(driver).catch((e) => e);
    const wrong = mine instanceof Error ? [mine.message] : compare(await reference, mine);
    report(!wrong.length, `the settings card at ${WIDTHS.join(' and ')} px, beside Chromium's`, Date.now() - at, wrong);
    // The suite's own test: each broken entry must fail, with the error's text.
    for (const [name, query, ready, text] of broken) {
      at = Date.now();
      const got = await attempt(driver, async (t) => {
        await t.open(query, env.BROKEN_URL);
        await t.see(ready);
      });
      const caught = got.length > 0 && (!text || got.some((g) => g.includes(text)));
      report(caught, `the broken build is caught: ${name}`, Date.now() - at,
        caught ? [`caught: ${got[got.length - 1]}`] : [`not caught as expected; got: ${got.join(' | ') || 'nothing'}`]);
    }
  } finally {
    await driver.close().catch(() => {});
  }
  console.log(`[${driver.name} ${driver.version}] ${failures.length ? `${failures.length} failed` : 'all passed'} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  return failures;
}

const began = Date.now();
const reference = (async () => {
  const chromium = await chromiumReference({ executablePath: env.CHROMIUM });
  try {
    return await layouts(chromium);
  } finally {
    await chromium.close();
  }
})();
const results = await Promise.all([
  suite(() => firefox({ executablePath: env.FIREFOX }), reference),
  suite(() => webkit({ driver: env.WEBKIT_DRIVER, browser: env.WEBKIT_BROWSER, display: env.DISPLAY }), reference),
]);
const failures = results.flat();
console.log(`\ncross-engine walks: ${failures.length ? `${failures.length} failed` : 'all passed'} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
for (const f of failures) console.log(`  ${f}`);
process.exit(failures.length ? 1 : 0);

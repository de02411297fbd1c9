// The three engines behind one small interface, so that one walk runs in each: Firefox ESR
// through Puppeteer over WebDriver BiDi, WebKitGTK's MiniBrowser through classic W3C
// WebDriver (WebKitWebDriver, under Xvfb), and Chromium through Playwright for the layout
// reference. Everything an engine offers beyond what the walks use is left out.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { launch } from '../bench/browser.mjs';

/** A long text is pasted (its value set, then one `input` event), as a user pastes it. */
const PASTE_FROM = 200;
const pasteScript = (selector, text) => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  el.focus();
  el.value = ${JSON.stringify(text)};
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
})()`;
const selectScript = (selector, value) => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  el.value = ${JSON.stringify(value)};
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
})()`;
/** What the page's hook recorded since the last call; a page without the hook is a problem. */
const COLLECT = `(() => {
  if (location.href === 'about:blank') return [];
  if (!Array.isArray(window.__problems)) return ['the test hook is missing from ' + location.href];
  return window.__problems.splice(0);
})()`;

/** Firefox ESR over WebDriver BiDi; the browser's own events are heard beside the hook's. */
export async function firefox({ executablePath }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Firefox 140's BiDi has no viewport override: widths come from the layout frame.
    defaultViewport: null,
    extraPrefsFirefox: { 'browser.sessionstore.resume_from_crash': false },
  });
  const page = await browser.newPage();
  const heard = [];
  page.on('pageerror', (e) => heard.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // An Error logged is shown by Puppeteer as `JSHandle@error`: its BiDi value says more.
    const values = m.text().includes('JSHandle@') ? m.args().map((a) => JSON.stringify(a.remoteValue?.() ?? null)) : [];
    heard.push(`console error: ${m.text()} ${values.join(' ')}`);
  });
  page.on('requestfailed', (r) => {
    // A request the page or a navigation cancelled is not a failure (as in tests/e2e/fixtures.mjs).
    if (r.failure()?.errorText !== 'NS_BINDING_ABORTED') heard.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return {
    name: 'Firefox ESR',
    version: await browser.version(),
    async open(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    eval: (expression) => page.evaluate(expression),
    async click(selector) {
      await page.click(selector);
    },
    async fill(selector, text) {
      if (text.length >= PASTE_FROM) return void (await page.evaluate(pasteScript(selector, text)));
      // Typed over what the field holds, as a user selects it and types.
      await page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.focus(); el.select(); })()`);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key),
    select: (selector, value) => page.evaluate(selectScript(selector, value)),
    back: () => page.evaluate('history.back()'),
    forward: () => page.evaluate('history.forward()'),
    screenshot: (path) => page.screenshot({ path }),
    async problems() {
      const own = await page.evaluate(COLLECT).catch((e) => [`the page could not be read: ${e.message}`]);
      return [...heard.splice(0), ...own];
    },
    close: () => browser.close(),
  };
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A WebDriver command; its error is thrown with the driver's own message. */
async function command(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${path}: ${answer.value?.error} ${answer.value?.message ?? ''}`);
  return answer.value;
}

/**
 * WebKitGTK's MiniBrowser driven by WebKitWebDriver on a display of its own; no BiDi, so what
 * goes wrong is heard by the page's hook only.
 */
export async function webkit({ driver, browser, display }) {
  const port = await freePort();
  const process = spawn(driver, [`--port=${port}`], {
    env: { ...globalThis.process.env, DISPLAY: display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  process.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  let session;
  for (let tries = 0; !session; tries++) {
    try {
      session = await command(base, 'POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } } },
      });
    } catch (e) {
      if (tries > 50) throw new Error(`WebKitWebDriver did not start: ${e.message} ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const at = (path) => `/session/${session.sessionId}${path}`;
  const call = (method, path, body) => command(base, method, at(path), body);
  const run = (expression) => call('POST', '/execute/sync', { script: `return ${expression};`, args: [] });
  const element = async (selector) => {
    const found = await call('POST', '/element', { using: 'css selector', value: selector });
    return Object.values(found)[0];
  };
  await call('POST', '/window/rect', { width: 1280, height: 1000 });
  return {
    name: 'WebKitGTK',
    version: session.capabilities.browserVersion,
    open: (url) => call('POST', '/url', { url }),
    eval: run,
    async click(selector) {
      await call('POST', `/element/${await element(selector)}/click`, {});
    },
    async fill(selector, text) {
      if (text.length >= PASTE_FROM) return void (await run(pasteScript(selector, text)));
      const id = await element(selector);
      await call('POST', `/element/${id}/clear`, {});
      await call('POST', `/element/${id}/value`, { text });
    },
    async press(key) {
      const codes = { Enter: '\uE007', Tab: '\uE004' };
      const keys = [{ type: 'keyDown', value: codes[key] }, { type: 'keyUp', value: codes[key] }];
      await call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
    },
    select: (selector, value) => run(selectScript(selector, value)),
    back: () => call('POST', '/back', {}),
    forward: () => call('POST', '/forward', {}),
    async screenshot(path) {
      await writeFile(path, Buffer.from(await call('GET', '/screenshot'), 'base64'));
    },
    problems: () => run(COLLECT).catch((e) => [`the page could not be read: ${e.message}`]),
    async close() {
      await command(base, 'DELETE', at('')).catch(() => {});
      process.kill();
    },
  };
}

/** Chromium (the benchmarks' launch, `CHROMIUM`), only for the layout reference the other
 * engines are compared with. */
export async function chromiumReference() {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  return {
    name: 'Chromium',
    version: browser.version(),
    open: (url) => page.goto(url),
    eval: (expression) => page.evaluate(expression),
    screenshot: (path) => page.screenshot({ path }),
    problems: () => page.evaluate(COLLECT),
    close: () => browser.close(),
  };
}

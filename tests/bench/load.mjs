// Load-time and memory benchmark in headless Chromium on loopback: time to the first step
// being interactive, and to the settings card of a deep link, over many loads, with the CPU
// as it is and slowed down 4x, and to a tool whose code comes in chunks; then JS heap and wasm memory after walking a whole path.
// Run by `cargo xtask bench`.
import { chromium } from 'playwright-core';

const { BASE_URL, DOH_URL, CHROMIUM } = process.env;
const LOADS = Number(process.env.LOADS ?? 20);
const doh = `doh=${encodeURIComponent(DOH_URL)}`;

async function timeLoad(browser, query, ready, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const started = Date.now();
  await page.goto(BASE_URL + query);
  await page.locator(ready).waitFor();
  const elapsed = Date.now() - started;
  await context.close();
  return elapsed;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const cases = [
  ['first step interactive', `?lang=en&${doh}`, '#address:not([disabled])'],
  ['settings card of a deep link', `?lang=en&${doh}&provider=gmail&domain=gmail.com&step=settings`, 'table.settings'],
  // A tool's code is downloaded when it is opened: the first load plus its chunks.
  ['SPF tool of a deep link', `?lang=en&${doh}&tool=spf`, '#spf-record'],
];
console.log(`Load times over ${LOADS} loads each (ms), headless Chromium on loopback`);
console.log(`${'measure'.padEnd(32)}${'CPU'.padEnd(8)}${'median'.padStart(8)}${'min'.padStart(8)}${'max'.padStart(8)}`);
for (const [name, query, ready] of cases) {
  for (const throttle of [1, 4]) {
    const times = [];
    for (let i = 0; i < LOADS; i++) times.push(await timeLoad(browser, query, ready, throttle));
    const s = stats(times);
    console.log(`${name.padEnd(32)}${(throttle === 1 ? 'as is' : '4x slower').padEnd(8)}${String(s.median).padStart(8)}${String(s.min).padStart(8)}${String(s.max).padStart(8)}`);
  }
}

// Memory after walking the Gmail path to the end.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${BASE_URL}?lang=en&${doh}`);
await page.getByRole('textbox').fill('jean@gmail.com');
await page.getByRole('button', { name: 'Continue' }).click();
while (await page.locator('[data-action="next"]').count()) await page.locator('[data-action="next"]').click();
const memory = await page.evaluate(() => ({
  heap: performance.memory?.usedJSHeapSize ?? 0,
  wasm: globalThis.mailsetupMemory?.buffer.byteLength ?? 0,
}));
console.log(`After the Gmail path: JS heap ${(memory.heap / 1024 / 1024).toFixed(1)} MB, wasm memory ${(memory.wasm / 1024 / 1024).toFixed(1)} MB`);
await browser.close();

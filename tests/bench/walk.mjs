// The leak check's walk and readings, shared by the bench (`leak.mjs`) and the browser test
// (`tests/e2e/leak.spec.mjs`): one walk is the Gmail path from the address to its last step,
// Start over, then the SPF tool opened and left by the footer's links.

/** Walks the path once, in English, from the first screen back to it. */
export async function walk(page) {
  await page.getByRole('textbox', { name: 'Email address' }).fill('jean@gmail.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  const next = page.locator('[data-action="next"]');
  await next.waitFor();
  while (await next.count()) {
    const step = await page.locator('section.screen').getAttribute('data-step');
    await next.click();
    await page.locator(`section.screen:not([data-step="${step}"])`).waitFor();
  }
  await page.locator('[data-action="start-over"]').click();
  await page.locator('section.screen[data-step="address"]').waitFor();
  await page.getByRole('link', { name: 'SPF record tool' }).click();
  await page.locator('#spf-record').waitFor();
  await page.getByRole('link', { name: "Set up an application's email" }).click();
  await page.locator('section.screen[data-step="address"]').waitFor();
}

/**
 * What the page holds after a garbage collection: the bytes the wasm heap has allocated and
 * not freed (the app's counting allocator), the wasm memory's size, the JS heap, and the DOM
 * nodes and JS event listeners Chromium counts.
 */
export async function reading(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => ({
    live: globalThis.mailsetupWasm.mailsetup_live_bytes(),
    memory: globalThis.mailsetupWasm.memory.buffer.byteLength,
  }));
  return { live: wasm.live, memory: wasm.memory, heap: usedSize, nodes, listeners: jsEventListeners };
}

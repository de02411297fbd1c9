// The same walk, repeated in one page, holds no more DOM nodes nor JS event listeners. The
// wasm heap's live bytes are the bench's to report (tests/bench/leak.mjs): they still grow by
// some 48-byte blocks at each change of screen, whatever the screens (see README, Benchmark).
import { test, expect } from './fixtures.mjs';
import { open } from './helpers.mjs';
import { reading, walk } from '../bench/walk.mjs';

test('walking the same path again and again leaves no DOM nodes or listeners behind', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await open(page, '?lang=en');
  const cdp = await page.context().newCDPSession(page);
  // Two walks download the chunks and fill the caches; the next ones must hold no more.
  await walk(page);
  await walk(page);
  const before = await reading(page, cdp);
  for (let i = 0; i < 3; i++) await walk(page);
  const after = await reading(page, cdp);
  expect(after.nodes).toBeLessThanOrEqual(before.nodes);
  expect(after.listeners).toBeLessThanOrEqual(before.listeners);
  expect(errors).toEqual([]);
});

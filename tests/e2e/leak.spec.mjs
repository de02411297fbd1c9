// The same walk, repeated in one page, leaves no JS event listener behind. The DOM nodes and
// the wasm heap's live bytes are the bench's to report (tests/bench/leak.mjs): the nodes a
// collection has not reached yet move by a few from walk to walk (160 to 236 seen), too
// loosely for a test, and the heap still grows by some 48-byte blocks at each change of
// screen, whatever the screens (see README, Benchmark).
import { test, expect } from './fixtures.mjs';
import { open } from './helpers.mjs';
import { reading, walk } from '../bench/walk.mjs';

test('walking the same path again and again leaves no listeners behind', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await open(page, '?lang=en');
  const cdp = await page.context().newCDPSession(page);
  // The first walks download the chunks and fill the caches: the most of three warm walks is
  // what the next ones must stay within, as in tests/bench/leak.mjs.
  const warm = [];
  for (let i = 0; i < 3; i++) {
    await walk(page);
    warm.push(await reading(page, cdp));
  }
  const warmListeners = Math.max(...warm.map((r) => r.listeners));
  for (let i = 0; i < 3; i++) {
    await walk(page);
    const after = await reading(page, cdp);
    expect(after.listeners).toBeLessThanOrEqual(warmListeners);
  }
  expect(errors).toEqual([]);
});

// The one fixture every browser test runs under: a page error, a console error or a failed
// request fails the test unless the test said it expects it (`expectFailures`).
import { test as base, expect } from '@playwright/test';

const expected = new WeakMap();

/** Lets `page` log problems matching `pattern` (a download the test blocks on purpose). */
export function expectFailures(page, pattern) {
  expected.set(page, [...(expected.get(page) ?? []), pattern]);
}

/**
 * Thunderbird's provider database says "not listed" with a 404, by design (issue 24), and
 * Chromium logs every 4xx answer to a fetch in the console, whatever the page does with it:
 * that one line, for the database's stand-in only, is an answer, not a problem.
 */
export function notListed(message) {
  const base = process.env.ISPDB_URL;
  return Boolean(base) && message.location().url.startsWith(base)
    && message.text().includes('the server responded with a status of 404');
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    const watch = (p) => {
      p.on('pageerror', (e) => problems.push([p, `page error: ${e.message}`]));
      p.on('console', (m) => {
        if (m.type() === 'error' && !notListed(m)) problems.push([p, `console error: ${m.text()} (${m.location().url})`]);
      });
      p.on('requestfailed', (r) => {
        // A request the page or a navigation cancelled is not a failure.
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') {
          problems.push([p, `request failed: ${r.url()} ${r.failure()?.errorText}`]);
        }
      });
    };
    watch(page);
    page.context().on('page', (other) => {
      if (other !== page) watch(other);
    });
    await use(page);
    const unexpected = problems
      .filter(([p, text]) => !(expected.get(p) ?? []).some((pattern) => pattern.test(text)))
      .map(([, text]) => text);
    expect(unexpected, 'page errors, console errors and failed requests').toEqual([]);
  },
});

export { expect };

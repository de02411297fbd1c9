// The DNS benchmark: a full check of a typical Microsoft 365 domain in Chromium, through a
// proxy that adds a delay to every DoH round trip, concurrent as the app runs it and one
// query at a time. Run by `cargo xtask bench`, which starts the servers.
import { launch } from './browser.mjs';

const { BASE_URL, DOH_URL, DELAY_MS } = process.env;
const DOMAIN = 'contoso-m365.example';

/** Longest chain of queries where each starts after the previous one's answer arrived. */
function sequentialRoundTrips(requests) {
  const depth = [];
  requests.forEach((r, i) => {
    const before = requests.map((o, j) => (o.end <= r.start ? depth[j] ?? 0 : 0));
    depth[i] = 1 + Math.max(0, ...before);
  });
  return Math.max(0, ...depth);
}

async function measure(browser, oneAtATime) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  let chain = Promise.resolve();
  // Every query goes through here, timed; one at a time, each waits for the previous answer.
  const forward = async (route) => {
    const start = performance.now();
    const response = await route.fetch();
    requests.push({ start, end: performance.now() });
    await route.fulfill({ response });
  };
  await page.route('**/dns-query?**', (route) => {
    if (!oneAtATime) return forward(route);
    chain = chain.then(() => forward(route));
    return chain;
  });
  const query = `?lang=en&tool=dns&provider=microsoft365&domain=${DOMAIN}&doh=${encodeURIComponent(DOH_URL)}`;
  await page.goto(BASE_URL + query);
  await page.locator('.check[data-check="smtphost"]').waitFor({ timeout: 60_000 });
  // The SPF tree's depth, as the page shows it: the root and each include level.
  const depth = await page.locator('.check[data-check="spf"] .tree').evaluate((tree) => {
    const walk = (ul) => Math.max(0, ...[...ul.children].map((li) => 1 + (li.querySelector(':scope > ul') ? walk(li.querySelector(':scope > ul')) : 0)));
    return walk(tree.querySelector('ul'));
  });
  requests.sort((a, b) => a.start - b.start);
  // From the first query to the last answer: the DNS work, not the page's own loading.
  const wall = Math.round(Math.max(...requests.map((r) => r.end)) - requests[0].start);
  await context.close();
  return { wall, queries: requests.length, trips: sequentialRoundTrips(requests), depth };
}

const browser = await launch();
const concurrent = await measure(browser, false);
const serial = await measure(browser, true);
await browser.close();

console.log(`DNS check of ${DOMAIN} (Microsoft 365), ${DELAY_MS} ms added per DoH round trip`);
console.log(`${'mode'.padEnd(24)}${'wall time'.padStart(12)}${'queries'.padStart(10)}${'sequential round trips'.padStart(26)}`);
for (const [name, r] of [['as the app runs it', concurrent], ['one query at a time', serial]]) {
  console.log(`${name.padEnd(24)}${`${r.wall} ms`.padStart(12)}${String(r.queries).padStart(10)}${String(r.trips).padStart(26)}`);
}
const target = concurrent.depth + 2;
console.log(`SPF tree depth ${concurrent.depth}: target at most ${target} sequential round trips — ${concurrent.trips <= target ? 'met' : 'NOT met'}`);

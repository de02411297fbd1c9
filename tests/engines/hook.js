// Test-only, never in dist/: `cargo xtask` puts this first in the <head> of the copies of the
// build the cross-engine walks open. WebKitGTK's WebDriver has no BiDi, so the page itself
// records what the Chromium suite hears from the browser: page errors, unhandled
// rejections, console errors, resources that failed to load, failed or refused fetches and
// CSP violations. The walks read `window.__problems` after every action.
(() => {
  const problems = [];
  window.__problems = problems;
  const note = (kind, text) => problems.push(`${kind}: ${text}`);
  addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window) {
      note('failed resource', `<${target.localName}> ${target.src || target.href || ''}`);
    } else {
      note('page error', `${event.message} (${event.filename}:${event.lineno})`);
    }
  }, true);
  addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    note('unhandled rejection', String((reason && (reason.stack || reason.message)) || reason));
  });
  addEventListener('securitypolicyviolation', (event) => {
    note('CSP violation', `${event.violatedDirective} ${event.blockedURI}`);
  });
  const error = console.error;
  console.error = (...args) => {
    note('console error', args.map(String).join(' '));
    error.apply(console, args);
  };
  const fetch = window.fetch;
  window.fetch = (...args) => fetch.apply(window, args).then((response) => {
    if (!response.ok) note('failed request', `${response.status} ${response.url}`);
    return response;
  }, (reason) => {
    note('failed request', `${args[0]} ${reason}`);
    throw reason;
  });
})();

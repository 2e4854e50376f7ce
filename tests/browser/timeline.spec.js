// Drives the HealthDashboard's history view in Debian's chromium through healthy → list-everything → recovered.
// The flapping list's zone file is rewritten here and rbldnsd told to reload it (SIGHUP), then "Probe now" is clicked.
// Env: DASHBOARD_URL, FLAPPY_LIST, GOOD_LIST, ZONE_FILE (the flapping list's rbldnsd file), RBLDNSD_PID,
//      HEALTHY_ZONE / EVERYTHING_ZONE (its two contents), SCREENSHOTS (folder), CHROMIUM (default /usr/bin/chromium).
// Exit code 0 when every check passed; 1 with the reason on stderr otherwise.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { withPage } = require('./browser');

const env = name => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
const url = env('DASHBOARD_URL');
const flappy = env('FLAPPY_LIST');
const good = env('GOOD_LIST');
const screenshots = env('SCREENSHOTS');
const patience = 20000;
let reloads = 0;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// rbldnsd reloads a file on SIGHUP only when its mtime moved: set each version's mtime apart, in the future.
function serve(contents) {
  const file = env('ZONE_FILE');
  fs.writeFileSync(file, contents, { mode: 0o644 });
  reloads += 1;
  const stamp = new Date(Date.now() + reloads * 10000);
  fs.utimesSync(file, stamp, stamp);
  process.kill(Number(env('RBLDNSD_PID')), 'SIGHUP');
}

// Probes the list until its row shows the wanted state (rbldnsd's reload is not instant).
async function probeUntil(page, name, state, enabled) {
  const row = page.locator(`tr[data-list="${name}"]`);
  for (let attempt = 1; attempt <= 20; attempt++) {
    await row.locator('button[data-action="probe"]').click();
    await page.locator('#message', { hasText: `probe ${name}: done` }).waitFor();
    if (await row.getAttribute('data-state') === state && await row.getAttribute('data-enabled') === String(enabled)) return attempt;
    await page.locator('#message').evaluate(m => { m.textContent = ''; });
  }
  throw new Error(`${name} never showed ${state} (enabled: ${enabled})`);
}

async function summaryIs(page, healthy, disabled, missing) {
  const text = `${healthy} lists healthy, ${disabled} disabled — accepting with ${missing} lists missing`;
  await page.locator('#summary', { hasText: text }).waitFor();
  return text;
}

// The state lane of the list's timeline: [{ state, reason }] in time order.
async function stateBands(page, name) {
  return page.locator(`article[data-list="${name}"] svg.timeline g.band[data-lane="state"]`).evaluateAll(bands =>
    bands.map(b => ({ state: b.dataset.state, reason: b.querySelector('title')?.textContent ?? '' })));
}

async function bandsAre(page, name, expected) {
  await page.waitForFunction(([n, e]) => {
    const bands = [...document.querySelectorAll(`article[data-list="${n}"] svg.timeline g.band[data-lane="state"]`)];
    return bands.map(b => b.dataset.state).join(',') === e.join(',');
  }, [name, expected]);
  return stateBands(page, name);
}

async function chartsHaveData(page, name) {
  const article = page.locator(`article[data-list="${name}"]`);
  await article.locator('svg.latency circle.point').first().waitFor();
  await article.locator('svg.lookups rect.bar').first().waitFor();
  return {
    latency: await article.locator('svg.latency circle.point').count(),
    errors: await article.locator('svg.errors circle.point').count(),
    bars: await article.locator('svg.lookups rect.bar').count(),
  };
}

// Accessible: Tab reaches the table's buttons and Enter works them; a timeline band takes focus and names its state and reason.
async function keyboardWorks(page) {
  await page.locator('body').focus();
  let presses = 0;
  while (!(await page.evaluate(() => document.activeElement?.dataset?.action === 'probe'))) {
    check(++presses <= 15, 'Tab never reached a "Probe now" button');
    await page.keyboard.press('Tab');
  }
  const list = await page.evaluate(() => document.activeElement.closest('tr').dataset.list);
  await page.keyboard.press('Enter');
  await page.locator('#message', { hasText: `probe ${list}: done` }).waitFor();
  const band = page.locator('svg.timeline g.band[data-lane="state"]').first();
  await band.focus();
  const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  check(/^healthy: .+/.test(label), `a focused band reads '${label}'`);
  console.log(`  keyboard: Tab ×${presses} to "Probe now" of ${list}, Enter probed it; a focused band reads '${label}'`);
}

async function shoot(page, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  const file = path.join(screenshots, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
}

async function drive(page) {
  // 1. Healthy: both lists probed healthy at start, nothing missing, charts fed by probes and the test's checks.
  await page.locator(`tr[data-list="${flappy}"][data-state="healthy"]`).waitFor();
  await page.locator(`tr[data-list="${good}"][data-state="healthy"]`).waitFor();
  console.log(`1 healthy: ${await summaryIs(page, 2, 0, 0)}`);
  await bandsAre(page, flappy, ['healthy']);
  console.log(`  charts: ${JSON.stringify(await chartsHaveData(page, flappy))}`);
  await keyboardWorks(page);
  await shoot(page, 'dashboard-1-healthy.png');

  // 2. The list starts listing everything: disabled at its next probe, and the page says a list is missing.
  serve(env('EVERYTHING_ZONE'));
  console.log(`2 lists everything after ${await probeUntil(page, flappy, 'listsEverything', false)} probe(s): ${await summaryIs(page, 1, 1, 1)}`);
  const bad = await bandsAre(page, flappy, ['healthy', 'listsEverything-disabled']);
  check(/lists everything|listed/i.test(bad[1].reason), `the listsEverything band's reason is '${bad[1].reason}'`);
  await shoot(page, 'dashboard-2-lists-everything.png');

  // 3. Fixed: healthy again (recovery threshold 1 in the test), enabled, nothing missing.
  serve(env('HEALTHY_ZONE'));
  console.log(`3 recovered after ${await probeUntil(page, flappy, 'healthy', true)} probe(s): ${await summaryIs(page, 2, 0, 0)}`);
  const bands = await bandsAre(page, flappy, ['healthy', 'listsEverything-disabled', 'healthy']);
  for (const band of bands) check(band.reason.trim().length > 0, `band ${band.state} has no reason`);
  check(/enabled again/.test(bands[2].reason), `the recovered band's reason is '${bands[2].reason}'`);
  console.log(`  bands: ${bands.map(b => `${b.state} (${b.reason})`).join(' | ')}`);
  const charts = await chartsHaveData(page, flappy);
  check(charts.latency >= 3, `only ${charts.latency} latency points after three probe steps`);
  check(charts.errors >= 3, `only ${charts.errors} error-rate points`);
  console.log(`  charts: ${JSON.stringify(charts)}`);
  const skipped = await page.locator(`article[data-list="${flappy}"] svg.lookups rect.bar[data-outcome="skipped"]`).count();
  check(skipped > 0, 'no skipped lookups were charted while the list was disabled');
  await shoot(page, 'dashboard-3-recovered.png');
}

async function main() {
  await withPage(url, { patience, viewport: { width: 1280, height: 900 }, shownOnFailure: 'body' }, drive);
}

main().then(() => process.exit(0), error => { console.error(error?.stack ?? String(error)); process.exit(1); });

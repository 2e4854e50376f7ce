// Drives the HealthDashboard sample in Debian's chromium (playwright-core, no bundled browser).
// Env: DASHBOARD_URL (required), BAD_LIST, GOOD_LIST, BUDGET_LIST (a list 9 of 10 queries into its daily budget; optional), SCREENSHOT (path of the PNG to write), CHROMIUM (default /usr/bin/chromium).
// Exit code 0 when every check passed; 1 with the reason on stderr otherwise.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { withPage } = require('./browser');

const url = process.env.DASHBOARD_URL;
const badList = process.env.BAD_LIST ?? 'bad.test';
const goodList = process.env.GOOD_LIST ?? 'good.test';
const budgetList = process.env.BUDGET_LIST;
const screenshot = process.env.SCREENSHOT ?? path.join(os.tmpdir(), 'health-dashboard.png');
const patience = 20000;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  check(url, 'DASHBOARD_URL is not set');
  // Show the table on failure: it says more than a timeout does.
  await withPage(url, { patience, shownOnFailure: '#lists' }, drive);
}

async function drive(page) {
  // The health loop probes on start: the list that lists everything must end up disabled, with its reason shown.
  const bad = page.locator(`tr[data-list="${badList}"]`);
  const good = page.locator(`tr[data-list="${goodList}"]`);
  await page.locator(`tr[data-list="${badList}"][data-enabled="false"]`).waitFor();
  await page.locator(`tr[data-list="${goodList}"][data-state="healthy"]`).waitFor();
  const state = await bad.locator('[data-field="state"]').textContent();
  const reason = await bad.locator('[data-field="reason"]').textContent();
  check(state === 'listsEverything', `${badList} state is '${state}', expected 'listsEverything'`);
  check(reason.trim().length > 0, `${badList} shows no reason`);
  const latency = await bad.locator('[data-field="latency"]').textContent();
  check(/^\d+\.\d ms \/ \d+\.\d ms$/.test(latency), `${badList} latency shows '${latency}'`);
  console.log(`${badList}: ${state}, disabled: ${reason}`);

  // The budget column: state in words and used/limit.
  if (budgetList) {
    const budgetRow = page.locator(`tr[data-list="${budgetList}"][data-budget="nearLimit"]`);
    await budgetRow.waitFor();
    const budget = await budgetRow.locator('[data-field="budget"]').textContent();
    check(budget === 'near limit: 9/10 today', `${budgetList} budget shows '${budget}', expected 'near limit: 9/10 today'`);
    const summary = await page.locator('#summary').textContent();
    check(summary.includes('1 near or over budget'), `the summary '${summary}' does not count the list near its budget`);
    console.log(`${budgetList}: ${budget}`);
  }

  // A change made elsewhere (not by this page) must arrive through the server-sent events.
  await page.locator('#connection[data-state="open"]').waitFor();
  const response = await fetch(new URL(`/api/lists/${goodList}/disable`, url), { method: 'POST' });
  check(response.ok, `POST disable answered ${response.status}`);
  await page.locator(`tr[data-list="${goodList}"][data-enabled="false"]`).waitFor();
  await good.locator('button[data-action="auto"]').click();
  await page.locator(`tr[data-list="${goodList}"][data-enabled="true"]`).waitFor();
  console.log(`${goodList}: disabled via the API (seen live), back to automatic via the button`);

  // "Probe now" runs a fresh round: the last-probe time must move.
  const before = await bad.getAttribute('data-last-probe');
  await bad.locator('button[data-action="probe"]').click();
  await page.waitForFunction(
    ([name, previous]) => document.querySelector(`tr[data-list="${name}"]`)?.dataset.lastProbe !== previous,
    [badList, before]);
  await page.locator('#message', { hasText: `probe ${badList}: done` }).waitFor();
  console.log(`${badList}: probed again (${before} -> ${await bad.getAttribute('data-last-probe')})`);

  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error?.stack ?? String(error));
    process.exit(1);
  });

// Drives the HealthDashboard sample's fleet section in Debian's chromium (playwright-core, no bundled browser).
// Env: DASHBOARD_URL (required), NODES (comma-separated node ids), HEALTHY_LIST, DEAD_LIST, CHROMIUM (default /usr/bin/chromium).
// Exit code 0 when every check passed; 1 with the reason on stderr otherwise.
'use strict';

const { withPage } = require('./browser');

const url = process.env.DASHBOARD_URL;
const nodes = (process.env.NODES ?? '').split(',').filter(n => n);
const healthyList = process.env.HEALTHY_LIST;
const deadList = process.env.DEAD_LIST;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  check(url && nodes.length > 0 && healthyList && deadList, 'DASHBOARD_URL, NODES, HEALTHY_LIST and DEAD_LIST must be set');
  await withPage(url, { patience: 20000, shownOnFailure: '#fleet' }, drive);
}

async function drive(page) {
  // The section is shown only with Redis; each node is a row, one of them the leader, in words.
  await page.locator('#fleet:not([hidden])').waitFor();
  for (const node of nodes) {
    await page.locator(`#fleet-nodes tr[data-node="${node}"]`).waitFor();
  }
  const roles = await page.locator('#fleet-nodes tbody tr td:nth-of-type(1)').allTextContents();
  check(roles.filter(r => r === 'leader').length === 1, `expected one leader among the nodes, the page shows roles ${JSON.stringify(roles)}`);
  const leader = await page.locator('#fleet-nodes tr[data-leader="true"] th').textContent();
  const summary = await page.locator('#fleet-summary').textContent();
  check(summary.startsWith(`${nodes.length} nodes, leader ${leader}`), `the summary '${summary}' does not name ${nodes.length} nodes and the leader ${leader}`);

  // The shared states: the healthy list enabled, the dead one disabled, in words.
  await page.locator(`#fleet-lists tr[data-list="${healthyList}"][data-enabled="true"]`).waitFor();
  await page.locator(`#fleet-lists tr[data-list="${deadList}"][data-enabled="false"]`).waitFor();
  const dead = await page.locator(`#fleet-lists tr[data-list="${deadList}"] td`).allTextContents();
  check(dead[0] === 'listsEverything' && dead[1].startsWith('disabled'), `${deadList} shows ${JSON.stringify(dead)}`);
  check(dead[4] === leader, `${deadList} was published by '${dead[4]}', not the leader ${leader}`);
  console.log(`fleet: ${summary}; ${deadList}: ${dead.join(' | ')}`);
}

main().then(() => process.exit(0), error => {
  console.error(error.message);
  process.exit(1);
});

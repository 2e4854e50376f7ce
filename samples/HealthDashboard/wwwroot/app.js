// The dashboard: renders /api/health?history=true, then follows /api/events (server-sent events) for changes.
// Every payload has the DnsblHealthReport shape { generatedAt, summary, lists: [...] }, so one function applies them all.
'use strict';

const rows = new Map();
const body = document.querySelector('#lists tbody');
const message = document.getElementById('message');
let windowSeconds = 3600;
let latest = new Map();

function cell(row, key, text, title) {
  const td = row.querySelector(`[data-field="${key}"]`);
  td.textContent = text;
  if (title !== undefined) td.title = title;
}

function formatMs(value) {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)} ms`;
}

// A list's query budget in words: state, then used/limit per window (fleet-wide when counted in Redis).
function budgetText(budget) {
  if (!budget) return '–';
  const state = { within: 'within', nearLimit: 'near limit', overBudget: budget.skipping ? 'over budget (skipped)' : 'over budget (still asked)' }[budget.state] ?? budget.state;
  const used = [];
  if (budget.perMinute !== null && budget.perMinute !== undefined) used.push(`${budget.usedThisMinute}/${budget.perMinute} per min`);
  if (budget.perDay !== null && budget.perDay !== undefined) used.push(`${budget.usedToday}/${budget.perDay} today`);
  return `${state}: ${used.join(', ')}${budget.fleetWide ? ' (fleet)' : ''}`;
}

function createRow(name) {
  const row = document.createElement('tr');
  row.dataset.list = name;
  for (const key of ['name', 'zone', 'state', 'enabled', 'circuit', 'budget', 'reason', 'lastProbe', 'latency', 'errorRate']) {
    const td = document.createElement(key === 'name' ? 'th' : 'td');
    if (key === 'name') td.scope = 'row';
    td.dataset.field = key;
    row.appendChild(td);
  }
  const actions = document.createElement('td');
  for (const [action, label] of [['probe', 'Probe now'], ['enable', 'Force enable'], ['disable', 'Force disable'], ['auto', 'Automatic']]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.action = action;
    button.setAttribute('aria-label', `${label}: ${name}`);
    button.addEventListener('click', () => act(name, action, button));
    actions.appendChild(button);
  }
  row.appendChild(actions);
  body.appendChild(row);
  rows.set(name, row);
  return row;
}

function applyList(list) {
  const row = rows.get(list.name) ?? createRow(list.name);
  row.className = list.enabled ? 'enabled' : 'disabled';
  row.dataset.state = list.state;
  row.dataset.enabled = String(list.enabled);
  row.dataset.circuit = list.circuit ?? 'closed';
  row.dataset.lastProbe = list.lastProbe ?? '';
  cell(row, 'name', list.name);
  cell(row, 'zone', list.zone);
  cell(row, 'state', list.state);
  row.querySelector('[data-field="state"]').className = `state state-${list.state}`;
  cell(row, 'enabled', list.enabled ? 'enabled' : 'disabled' + (list.override && list.override !== 'none' ? ` (${list.override})` : ''));
  cell(row, 'circuit', list.circuit === 'open' ? `open until ${new Date(list.circuitRetryAt).toLocaleTimeString()}` : 'closed');
  row.dataset.budget = list.budget?.state ?? 'none';
  cell(row, 'budget', budgetText(list.budget), list.budget?.resetsAt ? `until ${new Date(list.budget.resetsAt).toLocaleTimeString()}` : '');
  row.querySelector('[data-field="budget"]').className = list.budget ? `budget budget-${list.budget.state}` : 'budget';
  cell(row, 'reason', list.disabledReason ?? list.reason, (list.evidence ?? []).map(e => `${e.queryName} ${e.recordType}: ${e.answer}`).join('\n'));
  cell(row, 'lastProbe', list.lastProbe ? new Date(list.lastProbe).toLocaleTimeString() : 'never', list.lastProbe ?? '');
  cell(row, 'latency', `${formatMs(list.lastLatencyMs)} / ${formatMs(list.meanLatencyMs)}`);
  cell(row, 'errorRate', list.errorRate === null || list.errorRate === undefined ? '–' : `${(list.errorRate * 100).toFixed(0)} %`);
  latest.set(list.name, { ...(latest.get(list.name) ?? {}), ...list, history: list.history ?? latest.get(list.name)?.history });
}

// The summary counts every list the page knows, so a one-list event updates it as well as a full report.
function applySummary() {
  const lists = [...latest.values()];
  const healthy = lists.filter(l => l.enabled && l.state === 'healthy' && l.circuit !== 'open').length;
  const disabled = lists.filter(l => !l.enabled).length;
  const open = lists.filter(l => l.enabled && l.circuit === 'open').length;
  const skipping = lists.filter(l => l.enabled && l.circuit !== 'open' && l.budget?.skipping).length;
  const overBudget = lists.filter(l => l.enabled && l.budget && l.budget.state !== 'within').length;
  const missing = disabled + open + skipping;
  const summary = document.getElementById('summary');
  summary.textContent = `${healthy} lists healthy, ${disabled} disabled${open > 0 ? `, ${open} circuit open` : ''}${overBudget > 0 ? `, ${overBudget} near or over budget` : ''} — accepting with ${missing} lists missing`;
  summary.dataset.healthy = healthy;
  summary.dataset.disabled = disabled;
  summary.dataset.missing = missing;
  summary.className = missing > 0 ? 'degraded' : 'ok';
}

function applyReport(report) {
  for (const list of report.lists) applyList(list);
  applySummary();
}

// The window ends now and spans 1 h or 24 h, but starts no earlier than the oldest record (plus a margin): a
// dashboard opened minutes after start shows its few minutes wide rather than squeezed into the window's edge.
function renderHistory() {
  const to = Date.now();
  const times = [...latest.values()].flatMap(l => [
    ...(l.history?.changes ?? []).map(c => Date.parse(c.at)), ...(l.history?.rounds ?? []).map(r => Date.parse(r.at))]);
  const oldest = times.length === 0 ? to - windowSeconds * 1000 : Math.min(...times);
  const from = Math.max(to - windowSeconds * 1000, oldest - Math.max(5000, (to - oldest) * 0.05));
  document.getElementById('window').dataset.from = new Date(from).toISOString();
  const container = document.getElementById('history');
  container.replaceChildren(...[...latest.values()].map(list => History.render(list, from, to)));
}

async function refreshHistory() {
  try {
    const response = await fetch('/api/health?history=true');
    applyReport(await response.json());
    renderHistory();
  } catch (error) {
    message.textContent = `history refresh failed: ${error.message}`;
  }
}

let pending;
function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(refreshHistory, 250);
}

async function act(name, action, button) {
  button.disabled = true;
  message.textContent = `${action} ${name}…`;
  try {
    const response = await fetch(`/api/lists/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    applyReport(await response.json());
    message.textContent = `${action} ${name}: done`;
    refreshSoon();
  } catch (error) {
    message.textContent = `${action} ${name} failed: ${error.message}`;
  } finally {
    button.disabled = false;
  }
}

function follow() {
  const connection = document.getElementById('connection');
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => { connection.textContent = 'live'; connection.dataset.state = 'open'; });
  events.addEventListener('error', () => { connection.textContent = 'reconnecting…'; connection.dataset.state = 'error'; });
  events.addEventListener('report', e => { applyReport(JSON.parse(e.data)); refreshSoon(); });
  events.addEventListener('list', e => { applyReport(JSON.parse(e.data)); refreshSoon(); });
}

for (const button of document.querySelectorAll('#window button')) {
  button.addEventListener('click', () => {
    windowSeconds = Number(button.dataset.window);
    for (const other of document.querySelectorAll('#window button')) other.setAttribute('aria-pressed', String(other === button));
    renderHistory();
  });
}

refreshHistory().finally(follow);
// Charts move with the clock and lookups are counted per minute: redraw from fresh history now and then.
setInterval(refreshHistory, 10000);

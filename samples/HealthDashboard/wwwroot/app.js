// The dashboard: renders /api/health, then follows /api/events (server-sent events) for changes.
// Every payload has the DnsblHealthReport shape { generatedAt, lists: [...] }, so one function applies them all.
'use strict';

const rows = new Map();
const body = document.querySelector('#lists tbody');
const message = document.getElementById('message');

function cell(row, key, text, title) {
  const td = row.querySelector(`[data-field="${key}"]`);
  td.textContent = text;
  if (title !== undefined) td.title = title;
}

function formatMs(value) {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)} ms`;
}

function createRow(name) {
  const row = document.createElement('tr');
  row.dataset.list = name;
  for (const key of ['name', 'zone', 'state', 'enabled', 'reason', 'lastProbe', 'latency', 'errorRate']) {
    const td = document.createElement('td');
    td.dataset.field = key;
    row.appendChild(td);
  }
  const actions = document.createElement('td');
  for (const [action, label] of [['probe', 'Probe now'], ['enable', 'Force enable'], ['disable', 'Force disable'], ['auto', 'Automatic']]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.action = action;
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
  row.dataset.lastProbe = list.lastProbe ?? '';
  cell(row, 'name', list.name);
  cell(row, 'zone', list.zone);
  cell(row, 'state', list.state);
  row.querySelector('[data-field="state"]').className = `state state-${list.state}`;
  cell(row, 'enabled', list.enabled ? 'enabled' : 'disabled' + (list.override && list.override !== 'none' ? ` (${list.override})` : ''));
  cell(row, 'reason', list.disabledReason ?? list.reason, (list.evidence ?? []).map(e => `${e.queryName} ${e.recordType}: ${e.answer}`).join('\n'));
  cell(row, 'lastProbe', list.lastProbe ? new Date(list.lastProbe).toLocaleTimeString() : 'never', list.lastProbe ?? '');
  cell(row, 'latency', `${formatMs(list.lastLatencyMs)} / ${formatMs(list.meanLatencyMs)}`);
  cell(row, 'errorRate', list.errorRate === null || list.errorRate === undefined ? '–' : `${(list.errorRate * 100).toFixed(0)} %`);
}

function applyReport(report) {
  for (const list of report.lists) applyList(list);
}

async function act(name, action, button) {
  button.disabled = true;
  message.textContent = `${action} ${name}…`;
  try {
    const response = await fetch(`/api/lists/${encodeURIComponent(name)}/${action}`, { method: 'POST' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    applyReport(await response.json());
    message.textContent = `${action} ${name}: done`;
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
  events.addEventListener('report', e => applyReport(JSON.parse(e.data)));
  events.addEventListener('list', e => applyReport(JSON.parse(e.data)));
}

fetch('/api/health').then(r => r.json()).then(applyReport).finally(follow);

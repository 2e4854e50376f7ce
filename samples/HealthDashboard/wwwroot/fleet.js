// The fleet view: /api/fleet every 5 s (404 without --redis: the section stays hidden). Text in every cell, so the
// leader and the states read without colour.
'use strict';

(() => {
  const section = document.getElementById('fleet');
  const summary = document.getElementById('fleet-summary');

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((text, i) => {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.scope = 'row';
      td.textContent = text;
      tr.appendChild(td);
    });
    return tr;
  }

  function when(value) {
    return value ? new Date(value).toLocaleTimeString() : '–';
  }

  async function refresh() {
    let response;
    try {
      response = await fetch('/api/fleet');
    } catch {
      summary.textContent = 'fleet view unavailable';
      return;
    }
    if (response.status === 404) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    if (!response.ok) {
      summary.textContent = 'Redis does not answer: every node probes for itself';
      return;
    }
    const fleet = await response.json();
    summary.textContent = `${fleet.nodes.length} nodes, leader ${fleet.leader ?? 'none'}` +
      (fleet.leaseExpiresAt ? ` (lease until ${when(fleet.leaseExpiresAt)})` : '') + ` · this dashboard is ${fleet.self ?? '–'}`;
    const nodes = document.querySelector('#fleet-nodes tbody');
    nodes.replaceChildren(...fleet.nodes.map(n => {
      const tr = row([n.nodeId, n.isLeader ? 'leader' : 'follower', when(n.lastCheckIn)]);
      tr.dataset.node = n.nodeId;
      tr.dataset.leader = String(n.isLeader);
      return tr;
    }));
    const lists = document.querySelector('#fleet-lists tbody');
    lists.replaceChildren(...fleet.lists.map(l => {
      const tr = row([l.listName, l.state, l.enabled ? 'enabled' : `disabled${l.override !== 'none' ? ` (${l.override})` : ''}`,
        l.overrideReason ?? l.disabledReason ?? l.reason, when(l.lastProbe), l.publishedBy]);
      tr.dataset.list = l.listName;
      tr.dataset.enabled = String(l.enabled);
      return tr;
    }));
  }

  refresh();
  setInterval(refresh, 5000);
})();

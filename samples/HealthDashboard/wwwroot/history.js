// Per list: the state timeline (verdict lane + circuit lane), probe latency, error rate and lookups per minute,
// drawn from the report's bounded history (GET /api/health?history=true).
'use strict';

const History = (() => {
  const outcomes = {
    listed: 'listed', notListed: 'not listed', errors: 'errors', skipped: 'skipped (disabled or circuit open)', fromCache: 'from cache',
  };
  const healthyStates = new Set(['healthy']);

  function stateClass(state) {
    return healthyStates.has(state) ? 'state-healthy' : state === 'unknown' ? 'state-unknown' : 'state-bad';
  }

  // Consecutive changes with the same key merge into one band that lasts until the next different key (or now).
  function bandsOf(changes, lane, keyOf, labelOf, classOf, now) {
    const bands = [];
    for (const change of changes) {
      const key = keyOf(change);
      const t = Date.parse(change.at);
      const last = bands[bands.length - 1];
      if (last && last.key === key) continue;
      if (last) last.end = t;
      bands.push({ lane, key, start: t, end: now, label: labelOf(change), reason: change.reason, className: classOf(change) });
    }
    return bands;
  }

  function errorsOf(minute) {
    return Object.values(minute.errors ?? {}).reduce((sum, n) => sum + n, 0);
  }

  function render(list, from, to) {
    const article = document.createElement('article');
    article.dataset.list = list.name;
    const title = document.createElement('h3');
    title.textContent = `${list.name} (${list.zone})`;
    article.appendChild(title);
    const history = list.history ?? { rounds: [], changes: [], minutes: [] };

    const stateBands = bandsOf(history.changes, 'state', c => `${c.state}${c.enabled ? '' : '-disabled'}`,
      c => `${c.state}${c.enabled ? '' : ' (disabled)'}`, c => stateClass(c.state) + (c.enabled ? '' : ' disabled'), to);
    const circuitBands = bandsOf(history.changes, 'circuit', c => c.circuit, c => `circuit ${c.circuit}`,
      c => (c.circuit === 'open' ? 'circuit-open' : 'circuit-closed'), to);
    article.appendChild(Svg.timeline([...stateBands, ...circuitBands], from, to, ['state', 'circuit'], `State timeline of ${list.name}`));
    const text = document.createElement('ol');
    text.className = 'bands-text';
    for (const band of stateBands.filter(b => b.end >= from)) {
      const item = document.createElement('li');
      item.dataset.state = band.key;
      item.textContent = `${band.label} from ${new Date(band.start).toLocaleTimeString()}: ${band.reason}`;
      text.appendChild(item);
    }
    article.appendChild(text);

    const rounds = history.rounds.map(r => ({ t: Date.parse(r.at), round: r }));
    const latencyMax = Math.max(0, ...rounds.map(r => r.round.latencyMs ?? 0));
    article.appendChild(caption('Probe latency (mean of each round)'));
    article.appendChild(Svg.points('latency', rounds.map(r => ({
      t: r.t, value: r.round.latencyMs, title: `${new Date(r.t).toLocaleTimeString()}: ${(r.round.latencyMs ?? 0).toFixed(1)} ms, ${r.round.state}`,
    })), from, to, latencyMax, 'ms', `Probe latency of ${list.name}`));

    const minutes = history.minutes.map(m => ({ t: Date.parse(m.start), m }));
    const errorPoints = [
      ...minutes.map(({ t, m }) => {
        const asked = m.listed + m.notListed + errorsOf(m);
        return { t: t + 30000, value: asked === 0 ? null : errorsOf(m) / asked, title: `${new Date(t).toLocaleTimeString()}: ${errorsOf(m)} of ${asked} lookups failed` };
      }),
      ...rounds.filter(r => r.round.questions > 0).map(r => ({
        t: r.t, value: r.round.failures / r.round.questions, title: `probe ${new Date(r.t).toLocaleTimeString()}: ${r.round.failures} of ${r.round.questions} questions failed${r.round.errorKind ? ` (${r.round.errorKind})` : ''}`,
      })),
    ].sort((a, b) => a.t - b.t);
    article.appendChild(caption('Error rate (lookups per minute and probe rounds)'));
    article.appendChild(Svg.points('errors', errorPoints, from, to, 1, '', `Error rate of ${list.name}`));

    article.appendChild(caption('Lookups per minute by outcome: ' + Object.values(outcomes).join(', ')));
    article.appendChild(Svg.bars('lookups', minutes.map(({ t, m }) => ({
      t, parts: [
        { key: 'listed', value: m.listed }, { key: 'notListed', value: m.notListed }, { key: 'errors', value: errorsOf(m) },
        { key: 'skipped', value: m.skippedDisabled + m.skippedCircuitOpen }, { key: 'fromCache', value: m.fromCache },
      ],
    })), from, to, outcomes, `Lookups per minute of ${list.name}`));
    return article;
  }

  function caption(text) {
    const p = document.createElement('p');
    p.className = 'chart-caption';
    p.textContent = text;
    return p;
  }

  return { render };
})();

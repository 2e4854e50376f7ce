// Hand-written SVG, no library: a timeline of bands and two small chart kinds (points with a line, stacked bars).
// Everything is drawn against a time window [from, to] in milliseconds; text is always drawn too, never colour alone.
'use strict';

const Svg = (() => {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 720;

  function el(name, attributes, parent) {
    const node = document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes ?? {})) node.setAttribute(key, String(value));
    if (parent) parent.appendChild(node);
    return node;
  }

  function root(className, height, label, role = 'img') {
    return el('svg', { class: className, viewBox: `0 0 ${width} ${height}`, width: '100%', height, role, 'aria-label': label });
  }

  const x = (t, from, to) => 40 + ((t - from) / (to - from)) * (width - 50);

  function clock(t, seconds) {
    return new Date(t).toLocaleTimeString([], seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
  }

  // Seconds on the ticks while the window is short (a fresh dashboard), or they would all read the same minute.
  function axis(svg, from, to, height) {
    el('line', { x1: 40, x2: width - 10, y1: height - 14, y2: height - 14, class: 'axis' }, svg);
    for (const t of [from, (from + to) / 2, to]) {
      el('text', { x: x(t, from, to), y: height - 2, class: 'tick', 'text-anchor': 'middle' }, svg).textContent = clock(t, to - from < 15 * 60000);
    }
  }

  // bands: [{ start, end, key, label, reason, className }] → one focusable <g class="band"> each.
  function timeline(bands, from, to, lanes, label) {
    const laneHeight = 26;
    const height = lanes.length * (laneHeight + 4) + 18;
    // A group, not an image: its bands are focusable and each is an image with its own label.
    const svg = root('timeline', height, label, 'group');
    lanes.forEach((lane, index) => {
      const y = index * (laneHeight + 4);
      el('text', { x: 0, y: y + 17, class: 'lane' }, svg).textContent = lane;
      for (const band of bands.filter(b => b.lane === lane)) {
        const x1 = x(Math.max(band.start, from), from, to);
        const x2 = x(Math.min(band.end, to), from, to);
        if (x2 <= x1) continue;
        const g = el('g', { class: `band ${band.className}`, 'data-lane': lane, 'data-state': band.key, tabindex: 0, role: 'img', 'aria-label': `${band.label}: ${band.reason}` }, svg);
        el('title', {}, g).textContent = `${band.label} from ${new Date(band.start).toLocaleTimeString()}: ${band.reason}`;
        el('rect', { x: x1, y, width: Math.max(1, x2 - x1), height: laneHeight, rx: 3 }, g);
        if (x2 - x1 > 30) {
          el('text', { x: x1 + 4, y: y + 17, class: 'band-label' }, g).textContent = band.label;
        }
      }
    });
    axis(svg, from, to, height);
    return svg;
  }

  // points: [{ t, value, title }] → a line through <circle class="point"> marks; max: the y scale's top.
  function points(className, series, from, to, max, unit, label) {
    const height = 120;
    const svg = root(className, height, label);
    const top = max > 0 ? max : 1;
    const y = v => 8 + (1 - v / top) * (height - 30);
    el('text', { x: 0, y: 14, class: 'tick' }, svg).textContent = `${+top.toPrecision(3)} ${unit}`;
    el('text', { x: 0, y: height - 18, class: 'tick' }, svg).textContent = `0 ${unit}`;
    const inside = series.filter(p => p.t >= from && p.t <= to && p.value !== null && p.value !== undefined);
    if (inside.length > 1) {
      el('polyline', { class: 'line', points: inside.map(p => `${x(p.t, from, to)},${y(p.value)}`).join(' ') }, svg);
    }
    for (const p of inside) {
      const dot = el('circle', { class: 'point', cx: x(p.t, from, to), cy: y(p.value), r: 3 }, svg);
      el('title', {}, dot).textContent = p.title;
    }
    axis(svg, from, to, height);
    return svg;
  }

  // minutes: [{ t, parts: [{ key, value }] }] → stacked <rect class="bar" data-outcome> per minute.
  function bars(className, minutes, from, to, keys, label) {
    const height = 120;
    const svg = root(className, height, label);
    // A minute is drawn over the part of it inside the window (a fresh dashboard's window may be shorter than a minute).
    const inside = minutes.filter(m => m.t + 60000 > from && m.t <= to);
    const top = Math.max(1, ...inside.map(m => m.parts.reduce((sum, p) => sum + p.value, 0)));
    el('text', { x: 0, y: 14, class: 'tick' }, svg).textContent = `${top}/min`;
    for (const minute of inside) {
      const x1 = x(Math.max(minute.t, from), from, to);
      const barWidth = Math.max(1, x(Math.min(minute.t + 60000, to), from, to) - x1 - 1);
      let base = height - 14;
      for (const part of minute.parts.filter(p => p.value > 0)) {
        const h = (part.value / top) * (height - 30);
        const bar = el('rect', { class: `bar outcome-${part.key}`, 'data-outcome': part.key, x: x1, y: base - h, width: barWidth, height: h }, svg);
        el('title', {}, bar).textContent = `${clock(minute.t)}: ${part.value} ${keys[part.key]}`;
        base -= h;
      }
    }
    axis(svg, from, to, height);
    return svg;
  }

  return { timeline, points, bars };
})();

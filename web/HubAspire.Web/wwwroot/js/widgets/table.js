// A data table with an optional inline metric bar (value / column maximum) and per-cell classes,
// in a scroller of its own: a table wider than its card (on a phone) scrolls sideways inside it
// rather than widening the page.

import { barWidth } from '../shaping.js';
import { el } from './el.js';

/**
 * @param {HTMLElement} container
 * @param {{key: string, label: string, format: Function, numeric?: boolean, bar?: boolean, className?: (v:any)=>string, mono?: boolean}[]} columns
 * @param {object[]} rows  one object per row, keyed by column key
 * @param {string} caption  accessible table caption
 */
export function renderTable(container, columns, rows, caption) {
  const table = el('table', 'data-table');
  table.append(el('caption', 'visually-hidden', caption));
  const head = el('thead');
  const headRow = el('tr');
  for (const column of columns) {
    const th = el('th', column.numeric ? 'numeric' : '', column.label);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);

  const maxima = Object.fromEntries(columns.filter((c) => c.bar).map((c) => [c.key, Math.max(0, ...rows.map((r) => r[c.key] ?? 0))]));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    for (const column of columns) {
      const value = row[column.key];
      const td = el('td', [column.numeric && 'numeric', column.mono && 'mono', column.className?.(value)].filter(Boolean).join(' '));
      if (column.bar) {
        const wrap = el('div', 'metric');
        const track = el('div', 'metric-track');
        const fill = el('div', 'metric-fill');
        fill.style.width = `${barWidth(value, maxima[column.key])}%`;
        track.append(fill);
        wrap.append(el('span', 'metric-value', column.format(value)), track);
        td.append(wrap);
      } else {
        td.textContent = column.format(value);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(head, body);
  const scroller = el('div', 'table-scroll');
  scroller.dataset.label = caption;
  scroller.append(table);
  scroller.addEventListener('scroll', () => markCutEdges(scroller), { passive: true });
  const observer = resizes();
  for (const old of container.querySelectorAll('.table-scroll')) {
    observer.unobserve(old);
    observer.unobserve(old.firstElementChild);
  }
  container.replaceChildren(scroller);
  // The scroller's size changes when its card is drawn, its chart's table is shown or hidden,
  // or the window turns; the table's when its fonts load.
  observer.observe(scroller);
  observer.observe(table);
}

let sharedObserver = null;

/** One observer for every table, made on first use (the tab modules are also loaded by node's tests, which have none). */
function resizes() {
  sharedObserver ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const scroller = entry.target.closest('.table-scroll');
      if (scroller) markCutEdges(scroller);
    }
  });
  return sharedObserver;
}

/**
 * Marks where a scroller cuts its table (data-cut: "start", "end", both or none), which the
 * stylesheet shows as a fade at that edge. Only a scroller that really scrolls is a tab stop
 * (so a keyboard can scroll it) and a named region: a table that fits, or a chart's table
 * hidden from sight, adds no invisible stop to the Tab order.
 */
function markCutEdges(scroller) {
  const clips = getComputedStyle(scroller).overflowX !== 'visible'; // not so in a visually hidden chart table
  const room = scroller.scrollWidth - scroller.clientWidth;
  const scrolls = clips && room > 1;
  const edges = [];
  if (scrolls && scroller.scrollLeft > 1) edges.push('start');
  if (scrolls && scroller.scrollLeft < room - 1) edges.push('end');
  const cut = edges.join(' ');
  if (scroller.dataset.cut !== cut) scroller.dataset.cut = cut;
  if (scrolls === scroller.hasAttribute('tabindex')) return;
  if (scrolls) {
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', `${scroller.dataset.label} (scrolls sideways)`);
  } else {
    scroller.removeAttribute('tabindex');
    scroller.removeAttribute('role');
    scroller.removeAttribute('aria-label');
  }
}

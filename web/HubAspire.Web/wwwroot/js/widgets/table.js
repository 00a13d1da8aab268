// A data table with an optional inline metric bar (value / column maximum) and per-cell classes.

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
  scroller.append(table);
  container.replaceChildren(scroller);
}

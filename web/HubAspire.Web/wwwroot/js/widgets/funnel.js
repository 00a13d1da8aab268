// An HTML funnel: one bar per stage in the API's order, width ∝ count, the count inside the bar
// and a second figure (stage value, average score) on the right.

import { funnelRows } from '../shaping.js';
import { seriesColor } from '../charts/theme.js';
import { el } from './el.js';

/**
 * @param {HTMLElement} container
 * @param {{labels: string[], counts: number[], side: number[], countFormat: Function, sideFormat: Function, sideLabel: string}} funnel
 */
export function renderFunnel(container, { labels, counts, side, countFormat, sideFormat, sideLabel }) {
  const list = el('ol', 'funnel');
  funnelRows(labels, counts, side).forEach((row, i) => {
    const item = el('li', 'funnel-row');
    item.dataset.label = row.label;
    const name = el('span', 'funnel-label', row.label);
    const track = el('div', 'funnel-track');
    const bar = el('div', 'funnel-bar');
    bar.style.width = `${Math.max(row.width, 2)}%`;
    bar.style.background = `linear-gradient(90deg, ${seriesColor(i)}, ${seriesColor(i + 1)})`;
    bar.append(el('span', 'funnel-count', countFormat(row.count)));
    track.append(bar);
    const value = el('span', 'funnel-side', sideFormat(row.side));
    value.title = sideLabel;
    item.append(name, track, value);
    list.append(item);
  });
  container.replaceChildren(list);
}

// Overview: the 15 KPI cards with previous-period deltas, the revenue trend and the records per entity.

import { barChart } from '../charts/builders.js';
import { count, integer, MISSING } from '../format.js';
import { kpiCardValues, KPI_CARDS } from '../kpis.js';
import { recordsPerEntity } from '../shaping.js';
import { el } from '../widgets/el.js';
import { revenueTrendCard } from './revenue.js';

function renderKpis(container, kpis) {
  const grid = el('div', 'kpi-grid');
  for (const card of kpiCardValues(kpis)) {
    const tile = el('div', `kpi accent-${card.accent}`);
    tile.dataset.kpi = card.key;
    tile.append(el('span', 'kpi-label', card.label), el('span', 'kpi-value', card.value));
    if (card.change) {
      const change = el('span', `kpi-delta ${card.tone}`, card.change.text);
      change.title = `vs previous period: ${card.format(kpis.previous[card.key])}`;
      tile.append(change);
    } else if (kpis.previous) {
      tile.append(el('span', 'kpi-delta flat', MISSING));
    }
    if (card.note) tile.append(el('span', 'kpi-note', card.note));
    grid.append(tile);
  }
  container.replaceChildren(grid);
}

function kpisCsv(kpis) {
  const header = kpis.previous ? ['kpi', 'value', 'previous_period_value'] : ['kpi', 'value'];
  const rows = KPI_CARDS.map(({ key }) => (kpis.previous ? [key, kpis[key], kpis.previous[key]] : [key, kpis[key]]));
  return { header, rows };
}

export default {
  id: 'overview',
  title: 'Overview',
  cards: [
    {
      id: 'kpis',
      title: 'Key figures',
      caption: 'The period’s headline figures; with a period chosen, ▲/▼ compare with the previous period of equal length',
      route: 'kpis',
      kind: 'html',
      wide: true,
      isEmpty: () => false, // a period with no rows still has counts (0) and missing rates (—)
      render: renderKpis,
      clientCsv: kpisCsv,
    },
    revenueTrendCard('overview-revenue-trend', { wide: false }),
    {
      id: 'records-per-entity',
      title: 'Records per entity',
      caption: 'Rows of each of the seven entities in the period',
      route: 'kpis',
      kind: 'chart',
      isEmpty: (kpis) => kpis.total_records === 0,
      build: (kpis) => {
        const { labels, data } = recordsPerEntity(kpis);
        return barChart(labels, [{ label: 'Records', data, format: integer }], { labelName: 'Entity', horizontal: true, valueFormat: count });
      },
      clientCsv: (kpis) => {
        const { labels, data } = recordsPerEntity(kpis);
        return { header: ['entity', 'records'], rows: labels.map((label, i) => [label, data[i]]) };
      },
    },
  ],
};

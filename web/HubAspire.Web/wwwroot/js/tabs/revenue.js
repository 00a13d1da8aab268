// Revenue & Deals: revenue trend, quarterly revenue, the deal-stage funnel, and revenue by
// region, industry (top 10) and pipeline.

import { barChart, doughnutChart, lineChart } from '../charts/builders.js';
import { integer, money, moneyExact, percent } from '../format.js';
import { cutNote, topN } from '../shaping.js';
import { renderFunnel } from '../widgets/funnel.js';

/** The monthly revenue trend; the Overview shows it too, under its own id and at half width. */
export function revenueTrendCard(id, { wide = true } = {}) {
  return {
    id,
    title: 'Revenue trend',
    caption: 'By month of deal creation: total deal value, weighted pipeline and won revenue',
    route: 'revenue-trend',
    kind: 'chart',
    wide,
    build: (data) => lineChart(data.labels, data.datasets.map((d) => ({ label: d.label, data: d.data, format: moneyExact })), { leftFormat: money }),
  };
}

const winRateAndDeals = (data) => (i) => [`Win rate: ${percent(data.win_rate[i])}`, `Deals: ${integer(data.deal_count[i])}`];

export default {
  id: 'revenue',
  title: 'Revenue & Deals',
  cards: [
    revenueTrendCard('revenue-trend'),
    {
      id: 'revenue-quarterly',
      title: 'Quarterly revenue',
      caption: 'Total deal value, won revenue and weighted pipeline per quarter',
      route: 'revenue/quarterly',
      kind: 'chart',
      wide: true,
      build: (data) => barChart(data.labels, [
        { label: 'Total deal value', data: data.total_revenue, format: moneyExact },
        { label: 'Won revenue', data: data.won_revenue, format: moneyExact },
        { label: 'Weighted pipeline', data: data.weighted_pipeline, format: moneyExact },
      ], { labelName: 'Quarter', valueFormat: money, extra: winRateAndDeals(data) }),
    },
    {
      id: 'deal-funnel',
      title: 'Deal stage funnel',
      caption: 'Deals per stage in pipeline order; total deal value on the right',
      route: 'deals/stages',
      kind: 'html',
      render: (container, data) => renderFunnel(container, {
        labels: data.labels, counts: data.counts, side: data.values, countFormat: integer, sideFormat: money, sideLabel: 'Total deal value',
      }),
    },
    {
      id: 'revenue-by-region',
      title: 'Revenue by region',
      caption: 'Total deal value per region; the tooltip adds win rate and deal count',
      route: 'deals/region',
      kind: 'chart',
      build: (data) => barChart(data.labels, [{ label: 'Revenue', data: data.revenue, format: moneyExact }],
        { labelName: 'Region', horizontal: true, valueFormat: money, extra: winRateAndDeals(data) }),
    },
    {
      id: 'revenue-by-industry',
      title: 'Revenue by industry',
      caption: 'Total deal value, top 10 industries',
      captionFor: (data) => `Total deal value per industry, ${cutNote(Math.min(10, data.labels.length), data.labels.length)}`,
      route: 'deals/industry',
      kind: 'chart',
      build: (data) => {
        const top = topN(data, 10, ['revenue', 'win_rate', 'deal_count']);
        return barChart(top.labels, [{ label: 'Revenue', data: top.revenue, format: moneyExact }],
          { labelName: 'Industry', valueFormat: money, extra: winRateAndDeals(top) });
      },
    },
    {
      id: 'revenue-by-pipeline',
      title: 'Revenue by pipeline',
      caption: 'Share of total deal value per pipeline; win rate in the tooltip',
      route: 'deals/pipeline',
      kind: 'chart',
      build: (data) => doughnutChart(data.labels, { label: 'Revenue', data: data.revenue, format: moneyExact },
        { labelName: 'Pipeline', extra: winRateAndDeals(data) }),
    },
  ],
};

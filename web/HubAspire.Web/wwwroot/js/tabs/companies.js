// Companies: by industry (all 20), by region, and average annual revenue by region.

import { barChart, doughnutChart } from '../charts/builders.js';
import { integer, money, moneyExact } from '../format.js';
import { PALETTE } from '../charts/theme.js';

export default {
  id: 'companies',
  title: 'Companies',
  cards: [
    {
      id: 'companies-by-industry',
      title: 'Companies by industry',
      caption: 'Companies per industry, all 20; average annual revenue in the tooltip',
      route: 'companies/industry',
      kind: 'chart',
      wide: true,
      build: (data) => barChart(data.labels, [{ label: 'Companies', data: data.count, format: integer, color: PALETTE.teal }],
        { labelName: 'Industry', extra: (i) => [`Avg annual revenue: ${moneyExact(data.avg_revenue[i])}`] }),
    },
    {
      id: 'companies-by-region',
      title: 'Companies by region',
      caption: 'Share of companies per region',
      route: 'companies/region',
      kind: 'chart',
      build: (data) => doughnutChart(data.labels, { label: 'Companies', data: data.count, format: integer }, { labelName: 'Region' }),
    },
    {
      id: 'revenue-by-company-region',
      title: 'Avg annual revenue by region',
      caption: 'Mean annual revenue of the companies in each region',
      route: 'companies/region',
      kind: 'chart',
      build: (data) => barChart(data.labels, [{ label: 'Avg annual revenue', data: data.avg_revenue, format: moneyExact, color: PALETTE.amber }],
        { labelName: 'Region', valueFormat: money }),
    },
  ],
};

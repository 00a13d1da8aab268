// Web Analytics: the table of all pages, sessions by country (top 15) and by device, and the
// sessions and conversion trend.

import { barChart, doughnutChart, lineChart } from '../charts/builders.js';
import { count, integer, percent } from '../format.js';
import { PALETTE } from '../charts/theme.js';
import { cutNote, topN } from '../shaping.js';
import { renderTable } from '../widgets/table.js';

export default {
  id: 'web',
  title: 'Web Analytics',
  cards: [
    {
      id: 'web-pages',
      title: 'Pages',
      caption: 'Every page: sessions, bounce rate and conversion rate',
      route: 'web/pages',
      kind: 'html',
      wide: true,
      tall: true,
      render: (container, data) => renderTable(container, [
        { key: 'page', label: 'Page', format: (v) => v, mono: true },
        { key: 'sessions', label: 'Sessions', format: integer, numeric: true, bar: true },
        { key: 'bounce', label: 'Bounce', format: percent, numeric: true },
        { key: 'conversion', label: 'Conversion', format: (v) => percent(v, 2), numeric: true },
      ], data.labels.map((page, i) => ({
        page, sessions: data.sessions[i], bounce: data.bounce_rate[i], conversion: data.conversion_rate[i],
      })), 'Web sessions by page'),
    },
    {
      id: 'web-by-country',
      title: 'Sessions by country',
      caption: 'Sessions per country, top 15',
      captionFor: (data) => `Sessions per country, ${cutNote(Math.min(15, data.labels.length), data.labels.length)}`,
      route: 'web/country',
      kind: 'chart',
      tall: true,
      build: (data) => {
        const top = topN(data, 15, ['sessions', 'conversion_rate']);
        return barChart(top.labels, [{ label: 'Sessions', data: top.sessions, format: integer, color: PALETTE.cyan }],
          { labelName: 'Country', horizontal: true, valueFormat: count, extra: (i) => [`Conversion: ${percent(top.conversion_rate[i], 2)}`] });
      },
    },
    {
      id: 'web-by-device',
      title: 'Sessions by device',
      caption: 'Share of sessions per device type; bounce rate in the tooltip',
      route: 'web/device',
      kind: 'chart',
      build: (data) => doughnutChart(data.labels, { label: 'Sessions', data: data.sessions, format: integer },
        { labelName: 'Device', extra: (i) => [`Bounce: ${percent(data.bounce_rate[i])}`, `Conversion: ${percent(data.conversion_rate[i], 2)}`] }),
    },
    {
      id: 'web-trend',
      title: 'Sessions & conversion trend',
      caption: 'Sessions per month (left) and conversion rate (right)',
      route: 'web/trend',
      kind: 'chart',
      wide: true,
      build: (data) => lineChart(data.labels, [
        { label: data.datasets[0].label, data: data.datasets[0].data, format: integer, color: PALETTE.cyan },
        { label: data.datasets[1].label, data: data.datasets[1].data, format: (v) => percent(v, 2), axis: 'y1', color: PALETTE.green },
      ], { leftFormat: count, rightFormat: (v) => percent(v, 1) }),
    },
  ],
};

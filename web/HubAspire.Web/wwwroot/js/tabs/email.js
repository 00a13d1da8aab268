// Email: performance by campaign type, the open/click trend and the rates by send hour.

import { barChart, lineChart } from '../charts/builders.js';
import { percent } from '../format.js';
import { PALETTE } from '../charts/theme.js';

const fine = (v) => percent(v, 2);
const axisPct = (v) => percent(v, 0);

export default {
  id: 'email',
  title: 'Email',
  cards: [
    {
      id: 'email-performance',
      title: 'Performance by campaign type',
      caption: 'Open, click, bounce and unsubscribe rates per campaign type',
      route: 'email/performance',
      kind: 'chart',
      wide: true,
      build: (data) => barChart(data.labels, [
        { label: 'Open %', data: data.open_rate, format: percent, color: PALETTE.indigo },
        { label: 'Click %', data: data.click_rate, format: percent, color: PALETTE.cyan },
        { label: 'Bounce %', data: data.bounce_rate, format: percent, color: PALETTE.amber },
        { label: 'Unsubscribe %', data: data.unsub_rate, format: fine, color: PALETTE.red },
      ], { labelName: 'Campaign type', valueFormat: axisPct }),
    },
    {
      id: 'email-trend',
      title: 'Open & click trend',
      caption: 'Open and click rates by month of sending',
      route: 'email/trend',
      kind: 'chart',
      build: (data) => lineChart(data.labels, data.datasets.map((d) => ({ label: d.label, data: d.data, format: percent })), { leftFormat: axisPct }),
    },
    {
      id: 'email-by-hour',
      title: 'By send hour',
      caption: 'Open and click rates per hour of sending (00:00–23:00)',
      route: 'email/by-hour',
      kind: 'chart',
      build: (data) => barChart(data.labels, [
        { label: 'Open %', data: data.open_rate, format: percent, color: PALETTE.indigo },
        { label: 'Click %', data: data.click_rate, format: percent, color: PALETTE.cyan },
      ], { labelName: 'Send hour', valueFormat: axisPct }),
    },
  ],
};

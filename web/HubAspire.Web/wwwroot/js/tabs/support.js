// Support: tickets by priority with SLA compliance, tickets by category, and the category table.

import { barChart } from '../charts/builders.js';
import { hours, integer, percent, score } from '../format.js';
import { PALETTE } from '../charts/theme.js';
import { slaLevel } from '../shaping.js';
import { renderTable } from '../widgets/table.js';

export default {
  id: 'support',
  title: 'Support',
  cards: [
    {
      id: 'support-by-priority',
      title: 'Tickets by priority',
      caption: 'Tickets per priority (bars) and SLA compliance % (line, right axis)',
      route: 'support/priority',
      kind: 'chart',
      build: (data) => barChart(data.labels, [
        { label: 'Tickets', data: data.ticket_count, format: integer, color: PALETTE.indigo },
        { label: 'SLA compliance %', data: data.sla_compliance, format: percent, color: PALETTE.green, type: 'line', axis: 'y1' },
      ], { labelName: 'Priority', rightFormat: (v) => percent(v, 0), rightMax: 100, extra: (i) => [`Avg resolution: ${hours(data.avg_resolution[i])}`] }),
    },
    {
      id: 'support-by-category',
      title: 'Tickets by category',
      caption: 'Tickets per category',
      route: 'support/category',
      kind: 'chart',
      build: (data) => barChart(data.labels, [{ label: 'Tickets', data: data.ticket_count, format: integer, color: PALETTE.cyan }],
        { labelName: 'Category', extra: (i) => [`SLA compliance: ${percent(data.sla_compliance[i])}`, `CSAT: ${score(data.satisfaction[i])}`] }),
    },
    {
      id: 'support-table',
      title: 'Categories in detail',
      caption: 'Tickets, average resolution, SLA compliance (green ≥ 70 %, amber ≥ 50 %, red below) and CSAT',
      route: 'support/category',
      kind: 'html',
      wide: true,
      render: (container, data) => renderTable(container, [
        { key: 'category', label: 'Category', format: (v) => v },
        { key: 'tickets', label: 'Tickets', format: integer, numeric: true, bar: true },
        { key: 'resolution', label: 'Avg resolution', format: hours, numeric: true },
        { key: 'sla', label: 'SLA', format: percent, numeric: true, className: (v) => `sla-${slaLevel(v)}` },
        { key: 'csat', label: 'CSAT', format: score, numeric: true },
      ], data.labels.map((category, i) => ({
        category,
        tickets: data.ticket_count[i],
        resolution: data.avg_resolution[i],
        sla: data.sla_compliance[i],
        csat: data.satisfaction[i],
      })), 'Support tickets by category'),
    },
  ],
};

// Contacts: the lifecycle funnel, contacts by lead source, and lead score and engagement by source.

import { barChart, doughnutChart } from '../charts/builders.js';
import { decimal, integer } from '../format.js';
import { PALETTE } from '../charts/theme.js';
import { renderFunnel } from '../widgets/funnel.js';

export default {
  id: 'contacts',
  title: 'Contacts',
  cards: [
    {
      id: 'lifecycle-funnel',
      title: 'Lifecycle funnel',
      caption: 'Contacts per lifecycle stage; average lead score on the right',
      route: 'contacts/lifecycle',
      kind: 'html',
      wide: true,
      render: (container, data) => renderFunnel(container, {
        labels: data.labels, counts: data.count, side: data.avg_score, countFormat: integer,
        sideFormat: (v) => `score ${decimal(v)}`, sideLabel: 'Average lead score',
      }),
    },
    {
      id: 'contacts-by-source',
      title: 'Contacts by lead source',
      caption: 'Share of contacts per lead source',
      route: 'contacts/source',
      kind: 'chart',
      build: (data) => doughnutChart(data.labels, { label: 'Contacts', data: data.count, format: integer }, { labelName: 'Lead source' }),
    },
    {
      id: 'score-by-source',
      title: 'Lead score & engagement by source',
      caption: 'Average lead score (0–100, left) and average engagement index (right) per lead source',
      route: 'contacts/source',
      kind: 'chart',
      build: (data) => barChart(data.labels, [
        { label: 'Avg lead score', data: data.avg_score, format: decimal, color: PALETTE.violet },
        { label: 'Avg engagement', data: data.avg_engagement, format: decimal, color: PALETTE.teal, axis: 'y1' },
      ], { labelName: 'Lead source', valueFormat: (v) => decimal(v, 0), rightFormat: (v) => decimal(v, 0) }),
    },
  ],
};

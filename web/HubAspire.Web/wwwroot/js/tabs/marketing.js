// Marketing: channels on one 0–100 scale (volume as % of the busiest channel beside the
// engagement rate), the events and engagement trend, and the event types.

import { lineChart, polarAreaChart, radarChart } from '../charts/builders.js';
import { count, duration, integer, percent } from '../format.js';
import { percentOfMax } from '../shaping.js';

const percentOfBusiest = (v) => `${percent(v)} of the busiest channel`;

export default {
  id: 'marketing',
  title: 'Marketing',
  cards: [
    {
      id: 'marketing-trend',
      title: 'Events & engagement trend',
      caption: 'Marketing events per month (left) and engagement rate (right)',
      route: 'marketing/trend',
      kind: 'chart',
      wide: true,
      build: (data) => lineChart(data.labels, [
        { label: data.datasets[0].label, data: data.datasets[0].data, format: integer },
        { label: data.datasets[1].label, data: data.datasets[1].data, format: percent, axis: 'y1' },
      ], { leftFormat: count, rightFormat: (v) => percent(v, 0) }),
    },
    {
      id: 'marketing-channels',
      title: 'Channels',
      caption: 'Event volume (as % of the busiest channel) and engagement rate per channel',
      route: 'marketing/channels',
      kind: 'chart',
      build: (data) => radarChart(data.labels, [
        { label: 'Volume (% of max)', data: percentOfMax(data.event_count), format: percentOfBusiest },
        { label: 'Engagement %', data: data.engagement_rate, format: percent },
      ], { labelName: 'Channel', extra: (i) => [`Events: ${integer(data.event_count[i])}`, `Avg duration: ${duration(data.avg_duration[i])}`] }),
    },
    {
      id: 'marketing-event-types',
      title: 'Event types',
      caption: 'Marketing events per event type',
      route: 'marketing/events',
      kind: 'chart',
      build: (data) => polarAreaChart(data.labels, { label: 'Events', data: data.event_count, format: integer },
        { labelName: 'Event type', extra: (i) => `Engagement: ${percent(data.engagement_rate[i])}` }),
    },
  ],
};

// The 15 KPI cards of the Overview (DASHBOARD.md), in order: which /api/kpis field each shows,
// how it is formatted, and its change against the previous period. Pure: unit-tested.

import { count, delta, money, percent, score } from './format.js';

export const KPI_CARDS = [
  { key: 'won_revenue', label: 'Won revenue', format: money, accent: 'green' },
  { key: 'pipeline_value', label: 'Pipeline value', format: money, accent: 'indigo', note: 'weighted by stage probability' },
  { key: 'total_deals', label: 'Total deals', format: count, accent: 'violet' },
  { key: 'win_rate', label: 'Win rate', format: percent, accent: 'green' },
  { key: 'avg_deal_size', label: 'Avg deal size', format: money, accent: 'cyan' },
  { key: 'total_contacts', label: 'Total contacts', format: count, accent: 'pink' },
  { key: 'total_companies', label: 'Total companies', format: count, accent: 'teal' },
  { key: 'total_sessions', label: 'Web sessions', format: count, accent: 'cyan' },
  { key: 'conversion_rate', label: 'Conversion rate', format: (v) => percent(v, 2), accent: 'green' },
  { key: 'bounce_rate', label: 'Bounce rate', format: percent, accent: 'amber', lowerIsBetter: true },
  { key: 'avg_csat', label: 'CSAT', format: score, accent: 'violet' },
  { key: 'sla_compliance', label: 'SLA compliance', format: percent, accent: 'teal' },
  { key: 'email_open_rate', label: 'Email open rate', format: percent, accent: 'indigo' },
  { key: 'email_click_rate', label: 'Email click rate', format: percent, accent: 'pink' },
  { key: 'total_tickets', label: 'Support tickets', format: count, accent: 'red', lowerIsBetter: true },
];

/**
 * What each card shows for a /api/kpis response: the formatted value and, when the response
 * carries the previous period, the change — marked good or bad by whether a rise helps.
 */
export function kpiCardValues(kpis) {
  return KPI_CARDS.map((card) => {
    const change = kpis.previous ? delta(kpis[card.key], kpis.previous[card.key]) : null;
    let tone = 'flat';
    if (change && change.direction !== 'flat') {
      const rose = change.direction === 'up';
      tone = rose !== Boolean(card.lowerIsBetter) ? 'good' : 'bad';
    }
    return { ...card, value: card.format(kpis[card.key]), raw: kpis[card.key], change, tone };
  });
}

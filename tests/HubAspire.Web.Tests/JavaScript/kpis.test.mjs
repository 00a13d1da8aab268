// Unit tests of the 15 KPI cards: which field, which format, which delta tone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KPI_CARDS, kpiCardValues } from '../../../web/HubAspire.Web/wwwroot/js/kpis.js';

test('the fifteen cards of DASHBOARD.md, in order', () => {
  assert.deepEqual(KPI_CARDS.map((c) => c.key), [
    'won_revenue', 'pipeline_value', 'total_deals', 'win_rate', 'avg_deal_size', 'total_contacts', 'total_companies',
    'total_sessions', 'conversion_rate', 'bounce_rate', 'avg_csat', 'sla_compliance', 'email_open_rate', 'email_click_rate', 'total_tickets',
  ]);
});

test('values are formatted, and deltas appear only with a previous period', () => {
  const kpis = Object.fromEntries(KPI_CARDS.map((c) => [c.key, 10]));
  Object.assign(kpis, { won_revenue: 1_293_885_938.14, conversion_rate: 4.04, avg_csat: 3.8, total_deals: 300_000 });
  const cards = kpiCardValues(kpis);
  const shown = Object.fromEntries(cards.map((c) => [c.key, c.value]));
  assert.equal(shown.won_revenue, '$1.29B');
  assert.equal(shown.conversion_rate, '4.04%');
  assert.equal(shown.avg_csat, '3.8/5');
  assert.equal(shown.total_deals, '300K');
  assert.equal(shown.win_rate, '10.0%');
  assert.ok(cards.every((c) => c.change === null));
});

test('a rise is good, except for bounce rate and ticket count', () => {
  const current = Object.fromEntries(KPI_CARDS.map((c) => [c.key, 110]));
  const cards = kpiCardValues({ ...current, previous: Object.fromEntries(KPI_CARDS.map((c) => [c.key, 100])) });
  const tone = Object.fromEntries(cards.map((c) => [c.key, c.tone]));
  assert.equal(tone.won_revenue, 'good');
  assert.equal(tone.bounce_rate, 'bad');
  assert.equal(tone.total_tickets, 'bad');
  assert.ok(cards.every((c) => c.change.text === '▲ 10.0%'));
});

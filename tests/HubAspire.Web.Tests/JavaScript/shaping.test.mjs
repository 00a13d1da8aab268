// Unit tests of turning API responses into what cards draw, and of the client-made CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barWidth, cutNote, funnelRows, isEmpty, percentOfMax, recordsPerEntity, slaLevel, topN } from '../../../web/HubAspire.Web/wwwroot/js/shaping.js';
import { csvFileName, toCsv } from '../../../web/HubAspire.Web/wwwroot/js/csv.js';

test('top N keeps the API order and cuts every listed column', () => {
  const data = { labels: ['a', 'b', 'c'], sessions: [3, 2, 1], conversion_rate: [0.1, 0.2, 0.3] };
  assert.deepEqual(topN(data, 2, ['sessions', 'conversion_rate']), { labels: ['a', 'b'], sessions: [3, 2], conversion_rate: [0.1, 0.2] });
  assert.equal(cutNote(10, 20), 'top 10 of 20');
  assert.equal(cutNote(7, 7), 'all 7');
});

test('percent of max puts counts on a 0–100 scale', () => {
  assert.deepEqual(percentOfMax([250, 200, 125]), [100, 80, 50]);
  assert.deepEqual(percentOfMax([0, 0]), [null, null]);
});

test('bars and funnels are proportional to the largest value', () => {
  assert.equal(barWidth(50, 200), 25);
  assert.equal(barWidth(null, 200), 0);
  assert.equal(barWidth(5, 0), 0);
  assert.deepEqual(funnelRows(['A', 'B'], [200, 50], [1, 2]), [
    { label: 'A', count: 200, width: 100, side: 1 },
    { label: 'B', count: 50, width: 25, side: 2 },
  ]);
});

test('SLA colours: green at 70 % or more, amber at 50 % or more, red below', () => {
  assert.equal(slaLevel(70), 'good');
  assert.equal(slaLevel(69.9), 'warn');
  assert.equal(slaLevel(50), 'warn');
  assert.equal(slaLevel(49.9), 'bad');
  assert.equal(slaLevel(null), 'none');
});

test('an empty period has nothing to draw', () => {
  assert.equal(isEmpty({ labels: [] }), true);
  assert.equal(isEmpty({ labels: ['x'] }), false);
  assert.equal(isEmpty(null), true);
});

test('records per entity come from the KPI counts, all seven entities', () => {
  const kpis = { total_sessions: 7, total_marketing_events: 6, total_email_events: 5, total_contacts: 4, total_deals: 3, total_tickets: 2, total_companies: 1 };
  assert.deepEqual(recordsPerEntity(kpis), {
    labels: ['Web sessions', 'Marketing events', 'Email events', 'Contacts', 'Deals', 'Support tickets', 'Companies'],
    data: [7, 6, 5, 4, 3, 2, 1],
  });
});

test('CSV quotes what needs quoting and ends lines with CRLF', () => {
  assert.equal(toCsv(['kpi', 'value'], [['win_rate', 14], ['note', 'a, "b"'], ['none', null]]),
    'kpi,value\r\nwin_rate,14\r\nnote,"a, ""b"""\r\nnone,\r\n');
  assert.equal(csvFileName('kpis', { from: '2024-01', to: '2024-06' }), 'kpis_2024-01_to_2024-06.csv');
  assert.equal(csvFileName('kpis', { from: '2024-01', to: null }), 'kpis_from_2024-01.csv');
  assert.equal(csvFileName('kpis', { from: null, to: '2024-06' }), 'kpis_to_2024-06.csv');
  assert.equal(csvFileName('kpis', { from: null, to: null }), 'kpis.csv');
});

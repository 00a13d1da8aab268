// Unit tests of the URL state (tab and period in the query string) and the API URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiUrl, parseState, stateToSearch, TAB_IDS } from '../../../web/HubAspire.Web/wwwroot/js/state.js';

test('the eight tabs, Overview first', () => {
  assert.deepEqual(TAB_IDS, ['overview', 'revenue', 'marketing', 'email', 'contacts', 'support', 'web', 'companies']);
});

test('a query string gives the view', () => {
  assert.deepEqual(parseState('?tab=support&from=2024-01&to=2024-06'), { tab: 'support', from: '2024-01', to: '2024-06' });
  assert.deepEqual(parseState(''), { tab: 'overview', from: null, to: null });
});

test('an unknown tab or malformed month falls back to the default', () => {
  assert.deepEqual(parseState('?tab=nope&from=2024-13&to=24-01'), { tab: 'overview', from: null, to: null });
  assert.deepEqual(parseState('?from=2024-1'), { tab: 'overview', from: null, to: null });
});

test('a view gives a short query string that parses back to it', () => {
  assert.equal(stateToSearch({ tab: 'overview', from: null, to: null }), '');
  assert.equal(stateToSearch({ tab: 'email', from: null, to: null }), '?tab=email');
  assert.equal(stateToSearch({ tab: 'web', from: '2025-01', to: '2025-03' }), '?tab=web&from=2025-01&to=2025-03');
  for (const view of [{ tab: 'web', from: '2025-01', to: '2025-03' }, { tab: 'overview', from: '2023-05', to: null }]) {
    assert.deepEqual(parseState(stateToSearch(view)), view);
  }
});

test('API URLs carry the period and, for downloads, the CSV format', () => {
  assert.equal(apiUrl('kpis', { from: null, to: null }), '/api/kpis');
  assert.equal(apiUrl('deals/region', { from: '2024-01', to: '2024-06' }), '/api/deals/region?from=2024-01&to=2024-06');
  assert.equal(apiUrl('deals/region', { from: '2024-01', to: null }, 'csv'), '/api/deals/region?from=2024-01&format=csv');
});

// Unit tests of the period presets, which work on the data's range, not the calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, describePeriod, matchingPresets, presetPeriod } from '../../../web/HubAspire.Web/wwwroot/js/periods.js';

const range = { first_month: '2023-01', last_month: '2025-12' };

test('months add across years', () => {
  assert.equal(addMonths('2025-12', -11), '2025-01');
  assert.equal(addMonths('2024-01', -1), '2023-12');
  assert.equal(addMonths('2023-11', 3), '2024-02');
});

test('presets over the data range', () => {
  assert.deepEqual(presetPeriod('all', range), { from: null, to: null });
  assert.deepEqual(presetPeriod('last-12', range), { from: '2025-01', to: '2025-12' });
  assert.deepEqual(presetPeriod('last-quarter', range), { from: '2025-10', to: '2025-12' });
  assert.deepEqual(presetPeriod('ytd', range), { from: '2025-01', to: '2025-12' });
});

test('presets never start before the data does', () => {
  const short = { first_month: '2025-05', last_month: '2025-08' };
  assert.deepEqual(presetPeriod('last-12', short), { from: '2025-05', to: '2025-08' });
  assert.deepEqual(presetPeriod('last-quarter', short), { from: '2025-07', to: '2025-08' });
  assert.deepEqual(presetPeriod('ytd', short), { from: '2025-05', to: '2025-08' });
});

test('the active preset is recognised from the period', () => {
  assert.deepEqual(matchingPresets({ from: null, to: null }, range), ['all']);
  assert.deepEqual(matchingPresets({ from: '2025-10', to: '2025-12' }, range), ['last-quarter']);
  assert.deepEqual(matchingPresets({ from: '2024-02', to: '2024-05' }, range), []);
  // Data ending in December: the last 12 months are the year to date.
  assert.deepEqual(matchingPresets({ from: '2025-01', to: '2025-12' }, range), ['last-12', 'ytd']);
  assert.deepEqual(matchingPresets({ from: '2025-01', to: '2025-06' }, { first_month: '2023-01', last_month: '2025-06' }), ['ytd']);
  assert.deepEqual(matchingPresets({ from: null, to: null }, null), ['all']);
  assert.deepEqual(matchingPresets({ from: '2025-01', to: null }, null), []);
});

test('a period reads as words', () => {
  const fmt = (m) => m;
  assert.equal(describePeriod({ from: null, to: null }, fmt), 'all data');
  assert.equal(describePeriod({ from: '2024-01', to: '2024-06' }, fmt), '2024-01 – 2024-06');
  assert.equal(describePeriod({ from: '2024-01', to: null }, fmt), 'from 2024-01');
});

// Unit tests of the dashboard's number formats (DASHBOARD.md's examples pinned as literals), and the
// tooltip formats' edges: money in full, decimals, durations, negatives, rounding, missing values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, decimal, delta, duration, hours, integer, money, moneyExact, month, percent, score, timeAgo, MISSING } from '../../../web/HubAspire.Web/wwwroot/js/format.js';

test('money follows DASHBOARD.md: $1.85B / $3.7M / $24.8K', () => {
  assert.equal(money(1_850_000_000), '$1.85B');
  assert.equal(money(3_700_000), '$3.7M');
  assert.equal(money(24_800), '$24.8K');
  assert.equal(money(1_293_885_938.14), '$1.29B');
  assert.equal(money(30_987.97), '$31K');
  assert.equal(money(512.4), '$512');
  assert.equal(money(0), '$0');
  assert.equal(money(100), '$100');
  assert.equal(money(1_000_000_000), '$1B');
  assert.equal(money(-2_500_000), '-$2.5M');
});

test('counts follow DASHBOARD.md: 4.85M / 300K / 12.3K', () => {
  assert.equal(count(4_850_000), '4.85M');
  assert.equal(count(300_000), '300K');
  assert.equal(count(12_300), '12.3K');
  assert.equal(count(2_000_000), '2M');
  assert.equal(count(999), '999');
  assert.equal(count(500), '500');
  assert.equal(count(100), '100');
  assert.equal(count(20), '20');
  assert.equal(count(7.5), '7.5');
  assert.equal(count(0), '0');
  assert.equal(integer(84_282), '84,282');
});

test('rates, scores and hours', () => {
  assert.equal(percent(25), '25.0%');
  assert.equal(percent(4.04, 2), '4.04%');
  assert.equal(percent(14), '14.0%');
  assert.equal(score(3.8), '3.8/5');
  assert.equal(hours(49.8), '49.8h');
});

test('a missing value is shown as a dash in every format', () => {
  for (const format of [money, moneyExact, count, integer, percent, score, hours, decimal, duration]) {
    assert.equal(format(null), MISSING);
    assert.equal(format(undefined), MISSING);
    assert.equal(format(NaN), MISSING);
  }
  assert.equal(MISSING, '—');
});

test('money in full for tooltips: whole dollars with separators, rounded half away from zero', () => {
  assert.equal(moneyExact(1_293_885_938.14), '$1,293,885,938');
  assert.equal(moneyExact(1_234_567.49), '$1,234,567');
  assert.equal(moneyExact(999.5), '$1,000');
  assert.equal(moneyExact(0.5), '$1');
  assert.equal(moneyExact(0), '$0');
  assert.equal(moneyExact(-2_500_000.5), '-$2,500,001');
  assert.equal(moneyExact(-1_234.4), '-$1,234');
});

test('decimals: fixed places, one by default, negatives keep their sign', () => {
  assert.equal(decimal(62.44), '62.4');
  assert.equal(decimal(63.25), '63.3');
  assert.equal(decimal(7), '7.0');
  assert.equal(decimal(-3.14), '-3.1');
  assert.equal(decimal(-63.25), '-63.3');
  assert.equal(decimal(62.5, 0), '63');
  assert.equal(decimal(62.4, 0), '62');
  assert.equal(decimal(48.256, 2), '48.26');
  assert.equal(decimal(0), '0.0');
});

test('durations: whole seconds, minutes from 60 s on (rounded first), no hours', () => {
  assert.equal(duration(180), '3m 0s');
  assert.equal(duration(45), '45s');
  assert.equal(duration(0), '0s');
  assert.equal(duration(0.4), '0s');
  assert.equal(duration(59.4), '59s');
  assert.equal(duration(59.5), '1m 0s');
  assert.equal(duration(60), '1m 0s');
  assert.equal(duration(61), '1m 1s');
  assert.equal(duration(119.6), '2m 0s');
  assert.equal(duration(3600), '60m 0s');
  assert.equal(duration(3725), '62m 5s');
});

test('months read as "Jan 2024"', () => {
  assert.equal(month('2024-01'), 'Jan 2024');
  assert.equal(month('2025-12'), 'Dec 2025');
  assert.equal(month('2024Q1'), '2024Q1');
});

test('previous-period deltas: relative change, one decimal, arrow by direction', () => {
  assert.deepEqual(delta(110, 100), { direction: 'up', change: 10, text: '▲ 10.0%' });
  assert.deepEqual(delta(1_537_883_648.38, 1_596_545_251.87), { direction: 'down', change: -3.7, text: '▼ 3.7%' });
  assert.deepEqual(delta(13.9, 14.1), { direction: 'down', change: -1.4, text: '▼ 1.4%' });
  assert.deepEqual(delta(5, 5), { direction: 'flat', change: 0, text: '■ 0.0%' });
  assert.equal(delta(5, 0), null);
  assert.equal(delta(null, 5), null);
  assert.equal(delta(5, null), null);
});

test('time since the run finished', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  assert.equal(timeAgo(new Date('2026-11-25T11:59:55Z'), now), 'just now');
  assert.equal(timeAgo(new Date('2026-11-25T11:59:30Z'), now), '30 seconds ago');
  assert.equal(timeAgo(new Date('2026-11-25T11:59:00Z'), now), '1 minute ago');
  assert.equal(timeAgo(new Date('2026-11-25T09:00:00Z'), now), '3 hours ago');
  assert.equal(timeAgo(new Date('2026-11-23T12:00:00Z'), now), '2 days ago');
});

// Turning API responses into what a card draws: top-N cuts, shares of the largest value, funnel
// and metric-bar widths, SLA levels, the records-per-entity series. Pure: unit-tested.

/** True when a chart response has nothing to draw (a period with no rows gives empty labels). */
export function isEmpty(data) {
  return !data || !Array.isArray(data.labels) || data.labels.length === 0;
}

/** The first n labels and the same slice of each listed column (the API already orders them). */
export function topN(data, n, keys) {
  const cut = { ...data, labels: data.labels.slice(0, n) };
  for (const key of keys) cut[key] = data[key].slice(0, n);
  return cut;
}

/** Each value as a percentage of the largest, one decimal: puts a count on a 0–100 scale. */
export function percentOfMax(values) {
  const max = Math.max(0, ...values.filter((v) => v !== null));
  return values.map((v) => (v === null || max === 0 ? null : Math.round((v / max) * 1000) / 10));
}

/** Width in percent of a bar for `value` against the largest value (metric bars, funnels). */
export function barWidth(value, max) {
  if (!max || value === null || value === undefined) return 0;
  return Math.max(0, Math.min(100, (value / max) * 100));
}

/** Funnel rows in the API's stage order: width ∝ count against the largest stage. */
export function funnelRows(labels, counts, sideValues) {
  const max = Math.max(0, ...counts);
  return labels.map((label, i) => ({ label, count: counts[i], width: barWidth(counts[i], max), side: sideValues[i] }));
}

/** DASHBOARD.md's SLA colours: green at 70 % or more, amber at 50 % or more, red below. */
export function slaLevel(percent) {
  if (percent === null || percent === undefined) return 'none';
  if (percent >= 70) return 'good';
  if (percent >= 50) return 'warn';
  return 'bad';
}

/** The seven entities' record counts for a period, from /api/kpis, largest first. */
export const ENTITY_COUNTS = [
  ['Web sessions', 'total_sessions'],
  ['Marketing events', 'total_marketing_events'],
  ['Email events', 'total_email_events'],
  ['Contacts', 'total_contacts'],
  ['Deals', 'total_deals'],
  ['Support tickets', 'total_tickets'],
  ['Companies', 'total_companies'],
];

export function recordsPerEntity(kpis) {
  return {
    labels: ENTITY_COUNTS.map(([label]) => label),
    data: ENTITY_COUNTS.map(([, key]) => kpis[key]),
  };
}

/** A "top N of M" caption suffix when the list was cut. */
export function cutNote(shown, total) {
  return total > shown ? `top ${shown} of ${total}` : `all ${total}`;
}

// CSV for the cards whose figures the API does not serve as CSV (the KPI cards and the records
// per entity, both drawn from /api/kpis). RFC 4180 quoting, CRLF line ends as the API's CSV.
// Pure: unit-tested.

function field(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and data rows → CSV text. */
export function toCsv(header, rows) {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * A download file name for a card and period, named as the API names its CSV files:
 * "kpis.csv", "kpis_from_2024-01.csv", "kpis_to_2024-06.csv", "kpis_2024-01_to_2024-06.csv".
 */
export function csvFileName(name, { from, to }) {
  if (from && to) return `${name}_${from}_to_${to}.csv`;
  if (from) return `${name}_from_${from}.csv`;
  if (to) return `${name}_to_${to}.csv`;
  return `${name}.csv`;
}

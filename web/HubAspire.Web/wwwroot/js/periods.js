// Period presets over the data's own range (API /api/meta data_range), not the calendar: "last
// 12 months" means the dataset's last 12 months. Months are "YYYY-MM". Pure: unit-tested.

/** "2024-01" plus n months. */
export function addMonths(month, n) {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const PRESETS = [
  { id: 'all', label: 'All' },
  { id: 'last-12', label: 'Last 12 months' },
  { id: 'last-quarter', label: 'Last quarter' },
  { id: 'ytd', label: 'Year to date' },
];

/** The from/to of a preset for a data range {first_month, last_month}; null ends mean "whole range". */
export function presetPeriod(id, range) {
  const last = range.last_month;
  switch (id) {
    case 'all':
      return { from: null, to: null };
    case 'last-12':
      return { from: maxMonth(addMonths(last, -11), range.first_month), to: last };
    case 'last-quarter': {
      // The calendar quarter holding the data's last month.
      const [year, number] = last.split('-').map(Number);
      const first = Math.floor((number - 1) / 3) * 3 + 1;
      const start = `${year}-${String(first).padStart(2, '0')}`;
      return { from: maxMonth(start, range.first_month), to: last };
    }
    case 'ytd':
      return { from: maxMonth(`${last.slice(0, 4)}-01`, range.first_month), to: last };
    default:
      throw new Error(`Unknown period preset '${id}'.`);
  }
}

/**
 * Every preset a period equals, for lighting their buttons: when the data ends in December, "Last
 * 12 months" and "Year to date" are the same months, and a click on either lights both.
 */
export function matchingPresets(period, range) {
  if (!range) return period.from || period.to ? [] : ['all'];
  return PRESETS.map((p) => p.id).filter((id) => {
    const preset = presetPeriod(id, range);
    return (preset.from ?? null) === (period.from ?? null) && (preset.to ?? null) === (period.to ?? null);
  });
}

/** Readable period: "Jan 2024 – Jun 2024", or "all data". */
export function describePeriod({ from, to }, formatMonth) {
  if (!from && !to) return 'all data';
  if (from && to) return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
  return from ? `from ${formatMonth(from)}` : `until ${formatMonth(to)}`;
}

function maxMonth(a, b) {
  return a > b ? a : b;
}

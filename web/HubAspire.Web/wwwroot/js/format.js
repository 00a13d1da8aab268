// How every figure is shown (DASHBOARD.md): $1.85B / $3.7M / $24.8K for money, 4.85M / 300K /
// 12.3K for counts, 25.0% for rates, and "—" wherever a value is missing (the API sends null for a
// mean or rate over no rows). Pure functions: unit-tested with node's test runner.

export const MISSING = '—';

const isMissing = (value) => value === null || value === undefined || Number.isNaN(value);

/** Up to `decimals` decimals, trailing zeros dropped: 300.0 → "300", 12.34 → "12.3". */
function trimmed(value, decimals) {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** 1850000000 → "1.85B", 3700000 → "3.7M", 24800 → "24.8K", 512 → "512". */
export function compact(value) {
  const size = Math.abs(value);
  if (size >= 1e9) return `${trimmed(value / 1e9, 2)}B`;
  if (size >= 1e6) return `${trimmed(value / 1e6, 2)}M`;
  if (size >= 1e3) return `${trimmed(value / 1e3, 1)}K`;
  return trimmed(value, size >= 100 ? 0 : 1);
}

export function money(value) {
  if (isMissing(value)) return MISSING;
  return value < 0 ? `-$${compact(-value)}` : `$${compact(value)}`;
}

export function count(value) {
  return isMissing(value) ? MISSING : compact(value);
}

/** Exact count with thousands separators, for tables and tooltips: 84282 → "84,282". */
export function integer(value) {
  return isMissing(value) ? MISSING : Math.round(value).toLocaleString('en-US');
}

/** Money in full, for tooltips: 1293885938.14 → "$1,293,885,938". */
export function moneyExact(value) {
  if (isMissing(value)) return MISSING;
  const text = Math.round(Math.abs(value)).toLocaleString('en-US');
  return value < 0 ? `-$${text}` : `$${text}`;
}

/** A rate the API already sends as a percentage: 25 → "25.0%". */
export function percent(value, decimals = 1) {
  return isMissing(value) ? MISSING : `${value.toFixed(decimals)}%`;
}

/** A mean satisfaction score on the 1–5 scale: 3.8 → "3.8/5". */
export function score(value) {
  return isMissing(value) ? MISSING : `${value.toFixed(1)}/5`;
}

export function hours(value) {
  return isMissing(value) ? MISSING : `${value.toFixed(1)}h`;
}

export function decimal(value, decimals = 1) {
  return isMissing(value) ? MISSING : value.toFixed(decimals);
}

/** Seconds as "3m 0s" / "45s". */
export function duration(seconds) {
  if (isMissing(seconds)) return MISSING;
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m ${whole % 60}s` : `${whole}s`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-01" → "Jan 2024"; anything else unchanged. */
export function month(label) {
  const match = /^(\d{4})-(\d{2})$/.exec(label ?? '');
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : label;
}

/**
 * The change of a figure against the previous period, as the KPI cards show it: relative change
 * in percent with one decimal. Null when either value is missing or the previous one is zero
 * (no meaningful ratio).
 */
export function delta(current, previous) {
  if (isMissing(current) || isMissing(previous) || previous === 0) return null;
  const change = ((current - previous) / Math.abs(previous)) * 100;
  const rounded = (Math.sign(change) * Math.round(Math.abs(change) * 10)) / 10 || 0; // half away from zero; never -0
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '■' }[direction];
  return { direction, change: rounded, text: `${arrow} ${Math.abs(rounded).toFixed(1)}%` };
}

/** "x minutes ago" for the served run's finish time. */
export function timeAgo(then, now = new Date()) {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  const steps = [
    [60, 'second', 1],
    [3600, 'minute', 60],
    [86400, 'hour', 3600],
    [Infinity, 'day', 86400],
  ];
  if (seconds < 10) return 'just now';
  const [, unit, size] = steps.find(([limit]) => seconds < limit);
  const amount = Math.floor(seconds / size);
  return `${amount} ${unit}${amount === 1 ? '' : 's'} ago`;
}

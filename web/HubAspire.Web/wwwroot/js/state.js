// The view lives in the URL query string (?tab=support&from=2024-01&to=2024-06), so a link
// reproduces it and the back button walks through it. Pure functions: unit-tested.

export const TAB_IDS = ['overview', 'revenue', 'marketing', 'email', 'contacts', 'support', 'web', 'companies'];

export const DEFAULT_TAB = TAB_IDS[0];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(text) {
  return typeof text === 'string' && MONTH.test(text);
}

/**
 * The view a query string asks for. Unknown tabs and malformed months fall back to the
 * defaults rather than failing: a hand-edited link still opens the dashboard.
 */
export function parseState(search) {
  const query = new URLSearchParams(search);
  const tab = query.get('tab');
  const from = query.get('from');
  const to = query.get('to');
  return {
    tab: TAB_IDS.includes(tab) ? tab : DEFAULT_TAB,
    from: isMonth(from) ? from : null,
    to: isMonth(to) ? to : null,
  };
}

/** The query string of a view; defaults are left out so the plain URL means "overview, all data". */
export function stateToSearch({ tab, from, to }) {
  const query = new URLSearchParams();
  if (tab && tab !== DEFAULT_TAB) query.set('tab', tab);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The period part of a view, as the API's query parameters. */
export function periodQuery({ from, to }) {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  return query;
}

/** An API URL for a route ("deals/region") and period; `format` "csv" asks for the CSV download. */
export function apiUrl(route, period, format) {
  const query = periodQuery(period ?? {});
  if (format) query.set('format', format);
  const text = query.toString();
  return `/api/${route}${text ? `?${text}` : ''}`;
}

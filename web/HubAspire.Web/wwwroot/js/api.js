// The one place the page talks to the API (same origin: the web host forwards /api/*). Responses
// are kept per URL until the served run changes, so switching tabs back and forth costs nothing.

import { apiUrl } from './state.js';

export const NO_RUN_PROBLEM = 'urn:hubaspire:problem:no-run-yet';

/** A failed API call: the HTTP status and, when the API sent one, its RFC 9457 problem. */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super(problem?.detail ?? problem?.title ?? (status ? `The API answered ${status}.` : 'The API could not be reached.'));
    this.status = status;
    this.problem = problem;
    this.url = url;
  }

  get isNoRun() {
    return this.problem?.type === NO_RUN_PROBLEM;
  }
}

const cache = new Map();

/** Forgets every cached response: a new run is served, or the user asked for a refresh. */
export function clearCache() {
  cache.clear();
}

/** GET /api/{route} for a period, as JSON. Concurrent calls for one URL share one request. */
export function getJson(route, period) {
  const url = apiUrl(route, period);
  if (!cache.has(url)) {
    const request = fetchJson(url);
    cache.set(url, request);
    request.catch(() => cache.delete(url)); // a failure is retried on the next call
  }
  return cache.get(url);
}

async function fetchJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, null, url);
  }
  if (response.ok) return response.json();
  let problem = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    problem = await response.json().catch(() => null);
  }
  throw new ApiError(response.status, problem, url);
}

/** The run being served, never cached: polled to notice new data. */
export async function getLatestRun() {
  return fetchJson(apiUrl('runs/latest'));
}

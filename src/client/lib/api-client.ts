/** Error raised for non-2xx API answers, carrying the server's message (400 bodies name the parameter). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

/** The ApiError for a non-2xx answer: the server's message when the body has one, else the status line. */
export async function errorFrom(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { message?: string };
    if (body.message) message = body.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(res.status, message);
}

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<ApiResponse<T>> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw await errorFrom(res);
  return { data: (await res.json()) as T, headers: res.headers };
}

/**
 * Answers asked for before the code that needs them has loaded (the first map view's chargers are asked for while
 * the map library is still being evaluated), already parsed. getJson() takes one once, while fresh; a failed early
 * request fails that one getJson, which the query retries as usual.
 */
const PREFETCH_FRESH_MS = 10_000;
const prefetched = new Map<string, { at: number; result: Promise<ApiResponse<unknown>> }>();

export function prefetchJson(url: string) {
  const result = fetchJson(url);
  result.catch(() => undefined); // not an unhandled rejection if nobody takes it
  prefetched.set(url, { at: Date.now(), result });
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<ApiResponse<T>> {
  const early = prefetched.get(url);
  if (early) {
    prefetched.delete(url);
    if (Date.now() - early.at <= PREFETCH_FRESH_MS) return early.result as Promise<ApiResponse<T>>;
  }
  return fetchJson<T>(url, signal);
}

/** POSTs form fields (the same parameters a GET would take) and parses the JSON answer. */
export async function postForm<T>(url: string, fields: Record<string, string>, signal?: AbortSignal): Promise<ApiResponse<T>> {
  const res = await fetch(url, { method: 'POST', signal, headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  if (!res.ok) throw await errorFrom(res);
  return { data: (await res.json()) as T, headers: res.headers };
}

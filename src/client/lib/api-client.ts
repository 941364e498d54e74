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

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<ApiResponse<T>> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return { data: (await res.json()) as T, headers: res.headers };
}

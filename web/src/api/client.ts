/** The error shape every API route answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] | unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** Field errors as `{path: message}` for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details)) for (const d of this.details as { path?: string; message?: string }[]) if (d.path && d.message) out[d.path.replace(/^body\./, '')] = d.message;
    return out;
  }
}

let csrfToken: string | null = null;
/** Set from the session answer; sent on every write so cookie sessions pass the CSRF check. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls the API with JSON in and out; throws ApiError with the server's message on failure. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...(init.headers ?? {}) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined) });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = (data as ApiErrorBody | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'unknown', e?.message ?? `Request failed (${res.status}).`, e?.details);
  }
  return data as T;
}

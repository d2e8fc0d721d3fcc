/**
 * What the application log may say about a request and an error: no personal data (S6). A
 * request is its method, path, route pattern and id — never the query string (searches, filters
 * and links carry names, emails and tokens), headers, body or client address. An error keeps its
 * kind, code, message and stack, but a failed query's parameters (the values written: names,
 * emails, notes) and PostgreSQL's `detail` ("Key (email)=(…)", "Failing row contains (…)") are
 * left out, and a data error's message loses the value it quotes.
 */
export const logSerializers = {
  req(req: { method: string; url: string; id: string; routeOptions?: { url?: string } }) {
    return { method: req.method, url: req.url.split('?')[0], route: req.routeOptions?.url, id: req.id };
  },
  err: (e: unknown) => serializeError(e),
};

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  stack?: string;
  query?: string;
  params?: unknown[];
  cause?: unknown;
}

export function serializeError(e: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!e || typeof e !== 'object') return { type: typeof e, message: String(e), stack: '' };
  const err = e as ErrorLike;
  const code = typeof err.code === 'string' ? err.code : undefined;
  let message = err.message ?? '';
  // A failed Drizzle query repeats its parameters in its message.
  if (typeof err.query === 'string' && message.startsWith('Failed query:')) message = `Failed query: ${err.query} (${Array.isArray(err.params) ? err.params.length : 0} parameters left out)`;
  // SQLSTATE class 22 (data exception) messages quote the offending value.
  if (code?.startsWith('22')) message = message.replace(/"[^"]*"/g, '"…"');
  const stack = `${err.name ?? 'Error'}: ${message}\n${(err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = { type: err.name ?? 'Error', message, stack };
  if (code) out.code = code;
  if (typeof err.statusCode === 'number') out.statusCode = err.statusCode;
  if (err.cause && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

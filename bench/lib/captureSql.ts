import type { Database } from '../../src/db/connection.ts';

export interface CapturedQuery {
  text: string;
  values: unknown[];
  ms: number;
  /** `set local …` statements sent before it in the same transaction (replayed before an EXPLAIN). */
  settings: string[];
}

type Query = (...a: unknown[]) => Promise<unknown>;

/**
 * Records every statement sent through the PostgreSQL pool (text, parameters, time) while
 * `capturing` is on, so a benchmark can EXPLAIN exactly the SQL the real code ran. Every
 * statement runs on a client of the pool (`pool.query` checks one out internally, transactions
 * hold one), so each client the pool hands out is wrapped once; the callback form that
 * `pool.query` uses is timed to its callback.
 */
export function captureSql(database: Database) {
  if (database.raw.kind !== 'postgres') throw new Error('captureSql needs PostgreSQL');
  type Client = { query: Query; release: () => void };
  const pool = database.raw.pool as unknown as { connect: (...a: unknown[]) => Promise<Client> | undefined };
  const state = { capturing: false, queries: [] as CapturedQuery[] };
  const wrapped = new WeakSet<object>();

  const wrap = (original: Query, settings: string[]): Query => (...args: unknown[]) => {
    if (!state.capturing) return original(...args);
    const first = args[0] as string | { text: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : first.text;
    // Drizzle passes the config object first and the parameters second; plain callers use either.
    const values = (Array.isArray(args[1]) ? args[1] : undefined) ?? (typeof first === 'string' ? undefined : first.values) ?? [];
    if (/^\s*(begin|commit|rollback)\b/i.test(text)) settings.length = 0;
    else if (/^\s*set\s+local\b/i.test(text)) settings.push(text);
    const t = performance.now();
    const record = () => state.queries.push({ text, values, ms: performance.now() - t, settings: [...settings] });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      return original(...args.slice(0, -1), (...r: unknown[]) => {
        record();
        (last as (...r: unknown[]) => void)(...r);
      });
    }
    return original(...args).finally(record);
  };
  const patch = (client: Client | undefined) => {
    if (client && !wrapped.has(client)) {
      wrapped.add(client);
      client.query = wrap(client.query.bind(client), []);
    }
  };

  const originalConnect = pool.connect.bind(pool);
  pool.connect = (...args: unknown[]) => {
    const cb = args[0];
    if (typeof cb === 'function') {
      return originalConnect((err: unknown, client: Client | undefined, release: unknown) => {
        patch(client);
        (cb as (...a: unknown[]) => void)(err, client, release);
      });
    }
    return (originalConnect() as Promise<Client>).then((client) => {
      patch(client);
      return client;
    });
  };
  return {
    /** Runs `f` and returns what it sent. */
    async during<T>(f: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
      state.capturing = true;
      state.queries = [];
      try {
        const result = await f();
        return { result, queries: state.queries };
      } finally {
        state.capturing = false;
      }
    },
    /** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, under the `set local` settings it ran with. */
    async explain(q: CapturedQuery): Promise<string[]> {
      const client = (await originalConnect())!;
      try {
        await (client.query as Query)('begin');
        for (const s of q.settings) await (client.query as Query)(s);
        const res = (await (client.query as Query)(`explain (analyze, buffers) ${q.text}`, q.values)) as { rows: { 'QUERY PLAN': string }[] };
        return [...q.settings.map((s) => `-- ${s}`), ...res.rows.map((r) => r['QUERY PLAN'])];
      } finally {
        await (client.query as Query)('rollback');
        client.release();
      }
    },
    restore: () => {
      pool.connect = originalConnect;
    },
  };
}

import type { ServerResponse } from 'node:http';
import type { Db } from '../../db/connection.ts';
import { liveState } from './liveState.ts';

type Audience = 'host' | 'public';
const MIN_INTERVAL_MS = 100;
interface Watcher {
  audience: Audience;
  res: ServerResponse;
}

/**
 * Server-Sent Event streams of live polls, per session, in this process. A change marks its
 * session dirty; one computation of the session's state at a time is sent to every watcher, and
 * changes that arrive meanwhile are folded into the next one, so a burst of votes costs a few
 * tallies, not one per vote per watcher.
 */
export class PollHub {
  private watchers = new Map<string, Set<Watcher>>();
  private running = new Set<string>();
  private dirty = new Set<string>();
  private heartbeat: NodeJS.Timeout;

  constructor(private db: Db) {
    // A comment line now and then keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => this.each((w) => w.res.write(': ping\n\n')), 20_000);
    this.heartbeat.unref();
  }

  /** Starts a stream on `res` for a session and sends its state at once. */
  watch(sessionId: string, audience: Audience, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 3000\n\n');
    const w = { audience, res };
    let set = this.watchers.get(sessionId);
    if (!set) this.watchers.set(sessionId, (set = new Set()));
    set.add(w);
    res.on('close', () => {
      set.delete(w);
      if (set.size === 0 && this.watchers.get(sessionId) === set) this.watchers.delete(sessionId);
    });
    this.changed(sessionId);
  }

  /** Something in the session changed (a vote, a question opened or closed, someone joined). */
  changed(sessionId: string): void {
    if (!this.watchers.has(sessionId)) return;
    if (this.running.has(sessionId)) {
      this.dirty.add(sessionId);
      return;
    }
    this.running.add(sessionId);
    void this.send(sessionId);
  }

  count(): number {
    let n = 0;
    for (const s of this.watchers.values()) n += s.size;
    return n;
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    clearInterval(this.heartbeat);
    this.each((w) => w.res.end());
    this.watchers.clear();
  }

  private each(fn: (w: Watcher) => void): void {
    for (const set of this.watchers.values()) for (const w of set) fn(w);
  }

  private async send(sessionId: string): Promise<void> {
    try {
      for (;;) {
        this.dirty.delete(sessionId);
        const started = performance.now();
        const state = await liveState(this.db, sessionId);
        const set = this.watchers.get(sessionId);
        if (!state || !set) break;
        const frames = { host: `event: state\ndata: ${JSON.stringify(state.host)}\n\n`, public: `event: state\ndata: ${JSON.stringify(state.public)}\n\n` };
        for (const w of set) w.res.write(frames[w.audience]);
        if (!this.dirty.has(sessionId)) break;
        // Under a burst of votes, recount at most every MIN_INTERVAL_MS, leaving the database to the votes themselves.
        const wait = MIN_INTERVAL_MS - (performance.now() - started);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    } catch {
      // A failed read (the database restarting) is retried on the next change; watchers keep their last state.
    } finally {
      this.running.delete(sessionId);
    }
  }
}

const hubs = new WeakMap<object, PollHub>();

/** The one hub of an app (keyed by its context), made on first use. */
export function hubOf(ctx: { db: Db }): PollHub {
  let hub = hubs.get(ctx);
  if (!hub) hubs.set(ctx, (hub = new PollHub(ctx.db)));
  return hub;
}

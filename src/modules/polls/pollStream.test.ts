import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildPollWorld, type PollWorld } from './testing/pollWorld.ts';

/** Reads Server-Sent Event "state" frames from a live response until one satisfies `done`. */
async function waitForState<T>(res: Response, done: (state: T) => boolean): Promise<T> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.includes('event: state') && data) {
          const state = JSON.parse(data.slice(6)) as T;
          if (done(state)) return state;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}

describe.each(testDatabaseKinds)('live poll streams on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('sends a vote to the host’s stream and the participants’ stream, and refuses a stream to anyone else', async () => {
    const { question: q, session: s } = await w.openPoll(w.branch.id);

    const abort = new AbortController();
    const host = await fetch(`${base}/api/polls/sessions/${s.sessionId}/stream`, { headers: { authorization: `Bearer ${w.accounts.organiser.token}` }, signal: abort.signal });
    expect(host.status).toBe(200);
    expect(host.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const room = await fetch(`${base}/api/polls/live/${s.joinCode}/stream`, { signal: abort.signal });
    expect(room.status).toBe(200);
    type HostState = { participants: number; questions: { result: { responses: number; options: { votes: number }[] } }[] };
    // The first frame is the state as it stands.
    expect((await waitForState<HostState>(host, () => true)).questions[0]!.result.responses).toBe(0);

    const token = await w.join(s.joinCode);
    const voted = await fetch(`${base}/api/polls/votes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-poll-token': token }, body: JSON.stringify({ questionId: q.id, optionIds: [q.options[1].id] }) });
    expect(voted.status).toBe(200);
    const seen = await waitForState<HostState>(host, (st) => st.questions[0]!.result.responses === 1);
    expect(seen.participants).toBe(1);
    expect(seen.questions[0]!.result.options.map((o) => o.votes)).toEqual([0, 1, 0]);
    const roomSeen = await waitForState<{ results: { responses: number }[] }>(room, (st) => st.results[0]?.responses === 1);
    expect(roomSeen.results[0]!.responses).toBe(1);
    abort.abort();

    // Another unit's organiser (who sees the public meeting, but does not run it), another organisation and no one at all get no stream.
    expect((await fetch(`${base}/api/polls/sessions/${s.sessionId}/stream`, { headers: { authorization: `Bearer ${w.accounts.siblingOrganiser.token}` } })).status).toBe(403);
    expect((await fetch(`${base}/api/polls/sessions/${s.sessionId}/stream`, { headers: { authorization: `Bearer ${w.accounts.orgBAdmin.token}` } })).status).toBe(404);
    expect((await fetch(`${base}/api/polls/sessions/${s.sessionId}/stream`)).status).toBe(401);
    expect((await fetch(`${base}/api/polls/live/ZZZZZZ/stream`)).status).toBe(404);
  });
});

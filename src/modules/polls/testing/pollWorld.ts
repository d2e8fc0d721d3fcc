import type { TestApp } from '../../../../test/harness.ts';
import { buildEventWorld, eventBody } from '../../events/testing/eventWorld.ts';

/** The events world plus helpers to make programmes, questions, meetings and a running poll through the API. */
export async function buildPollWorld(t: TestApp) {
  const w = await buildEventWorld(t);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, token = w.accounts.organiser.token) => {
    const res = await t.request({ method, url, token, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    return res;
  };
  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, token?: string) => {
    const res = await call(method, url, payload, token);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const programme = (unitId: string, token?: string, title = 'Listening to Tredegar') => ok('POST', '/api/programmes', { unitId, title }, token);
  const question = async (programmeId: string, body: Record<string, unknown>, token?: string) => {
    const p = await ok('POST', `/api/programmes/${programmeId}/questions`, body, token);
    return p.questions[p.questions.length - 1];
  };
  const meeting = async (unitId: string, token?: string, overrides: Record<string, unknown> = {}) => ok('POST', '/api/events', eventBody(unitId, { kind: 'listening_meeting', title: 'Listening meeting', ...overrides }), token);
  const join = async (code: string, rsvpToken?: string) => {
    const res = await t.request({ method: 'POST', url: '/api/polls/join', payload: { code, ...(rsvpToken ? { rsvpToken } : {}) } });
    if (res.statusCode !== 201) throw new Error(`join → ${res.statusCode} ${res.body}`);
    return res.json().token as string;
  };
  const vote = (token: string, payload: Record<string, unknown>, remoteAddress?: string) =>
    t.request({ method: 'POST', url: '/api/polls/votes', headers: { 'x-poll-token': token }, payload, ...(remoteAddress ? { remoteAddress } : {}) });
  /** A programme of the unit with one single-choice question, a meeting asking it, its poll started and the question open. */
  const openPoll = async (unitId: string) => {
    const p = await programme(unitId);
    const q = await question(p.id, choice);
    const e = await meeting(unitId);
    await ok('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [q.id] });
    const s = await ok('POST', '/api/polls/sessions', { eventId: e.id });
    await ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${q.id}/open`);
    return { programme: p, question: q, event: e, session: s as { sessionId: string; joinCode: string } };
  };
  return { ...w, call, ok, programme, question, meeting, join, vote, openPoll };
}
export type PollWorld = Awaited<ReturnType<typeof buildPollWorld>>;

export const choice = { kind: 'single_choice', prompt: 'What matters most on your street?', options: [{ label: 'Damp housing' }, { label: 'Buses' }, { label: 'Youth services' }] };
export const multi = { kind: 'multiple_choice', prompt: 'Which would you come back for?', options: [{ label: 'A house meeting' }, { label: 'A training' }, { label: 'An action' }] };
export const scale = { kind: 'scale', prompt: 'How ready are you to act?', scaleMin: 1, scaleMax: 5 };
export const ranking = { kind: 'ranking', prompt: 'Rank these issues', options: [{ label: 'Rent' }, { label: 'Repairs' }, { label: 'Transport' }] };
export const openText = { kind: 'open_text', prompt: 'What would change your street?' };

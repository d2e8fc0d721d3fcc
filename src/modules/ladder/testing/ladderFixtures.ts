import type { TestApp } from '../../../../test/harness.ts';

/** A three-rung ladder exercising every kind of rule: activity in a window, all-time counts, two conditions. */
export const testLevels = [
  { key: 'supporter', label: 'Supporter', nextStep: 'Invite them to a one-to-one.', rule: { all: [{ metric: 'conversations', atLeast: 1, withinDays: 365 }] } },
  { key: 'active', label: 'Active', nextStep: 'Ask them to hold a one-to-one.', rule: { all: [{ metric: 'commitments_kept', atLeast: 1, withinDays: null }] } },
  {
    key: 'leader_in_development', label: 'Leader in development', nextStep: 'Pair them with a mentor.',
    rule: { all: [{ metric: 'one_to_ones_held', atLeast: 2, withinDays: 90 }, { metric: 'people_recruited', atLeast: 1, withinDays: null }] },
  },
];

/** An ISO time `days` days ago (and a little), so windows are checked with room to spare. */
export const daysAgo = (days: number, hours = 1) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();

/** Logs a conversation over HTTP; fails the test unless it is created. */
export async function logConversation(t: TestApp, token: string, body: Record<string, unknown>): Promise<{ id: string; commitments: { id: string }[] }> {
  const res = await t.request({ method: 'POST', url: '/api/conversations', token, payload: { kind: 'one_to_one', outcome: 'spoke', occurredAt: daysAgo(1), ...body } });
  if (res.statusCode !== 201) throw new Error(`logging failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { checkPhaseMove, phaseIndex } from './phaseRules.ts';
import { campaignPhases, type CampaignPhase } from './schema.ts';
import { buildCampaignWorld, campaignBody, type CampaignWorld } from './testing/campaignWorld.ts';

const phase = fc.constantFrom(...campaignPhases);
const reason = fc.option(fc.constantFrom('', '  ', 'The target changed.', 'Turnout was too low; rebuild first.'), { nil: undefined });
const move = fc.record({ phase, reason });

describe('the phase rule', () => {
  it('allows any forward move, refuses standing still, and needs a real reason to go back', () => {
    fc.assert(fc.property(phase, phase, reason, (from, to, why) => {
      const check = checkPhaseMove(from, to, why);
      if (from === to) expect(check).toEqual({ ok: false, problem: 'same_phase' });
      else if (phaseIndex(to) > phaseIndex(from)) expect(check).toEqual({ ok: true, direction: 'forward' });
      else expect(check).toEqual((why ?? '').trim() ? { ok: true, direction: 'backward' } : { ok: false, problem: 'reason_required' });
    }));
  });
});

/**
 * Random sequences of phase moves, with and without reasons, against the real API: each move
 * succeeds exactly when the rule allows it, the history is a chain (each change starts where
 * the last ended, in time order, and ends at the current phase), and every backward step in
 * it carries a reason.
 */
describe('phase moves through the API', () => {
  let t: TestApp;
  let w: CampaignWorld;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    w = await buildCampaignWorld(t);
  });
  afterAll(() => t.close());

  it('keeps a consistent history and always refuses going back without a reason', async () => {
    const sequences = fc.array(move, { minLength: 1, maxLength: 8 });
    await fc.assert(fc.asyncProperty(sequences, async (moves) => {
      const token = w.b1Organiser.token;
      const created = await t.request({ method: 'POST', url: '/api/campaigns', token, payload: campaignBody(w.b1.id, { areaCodes: [] }) });
      const id = created.json().id as string;
      let current: CampaignPhase = 'build_relationships';
      let accepted = 0;
      for (const m of moves) {
        const res = await t.request({ method: 'POST', url: `/api/campaigns/${id}/phase`, token, payload: m.reason === undefined ? { phase: m.phase } : m });
        const allowed = checkPhaseMove(current, m.phase, m.reason).ok;
        expect(res.statusCode, `${current} → ${m.phase} (${JSON.stringify(m.reason)}): ${res.body}`).toBe(allowed ? 200 : 422);
        if (phaseIndex(m.phase) < phaseIndex(current) && !(m.reason ?? '').trim()) expect(res.statusCode).toBe(422);
        if (allowed) {
          current = m.phase;
          accepted += 1;
        }
      }
      const c = (await t.request({ method: 'GET', url: `/api/campaigns/${id}`, token })).json();
      expect(c.phase).toBe(current);
      expect(c.history).toHaveLength(accepted + 1);
      expect(c.history[0]).toMatchObject({ fromPhase: null, toPhase: 'build_relationships' });
      for (let i = 1; i < c.history.length; i++) {
        const [prev, h] = [c.history[i - 1], c.history[i]];
        expect(h.fromPhase).toBe(prev.toPhase);
        expect(Date.parse(h.changedAt)).toBeGreaterThan(Date.parse(prev.changedAt));
        if (h.direction === 'backward') expect(h.reason?.trim()).toBeTruthy();
      }
      expect(c.history.at(-1).toPhase).toBe(current);
      expect(c.phaseChangedAt).toBe(c.history.at(-1).changedAt);
    }), {
      numRuns: 20,
      // Always tried, whatever the random draws: a backward move with no reason, a blank one, and a good one.
      examples: [
        [[{ phase: 'organise_act', reason: undefined }, { phase: 'identify_issues', reason: undefined }, { phase: 'identify_issues', reason: '  ' }, { phase: 'identify_issues', reason: 'The target changed.' }]],
        [[{ phase: 'close_evaluate', reason: undefined }, { phase: 'close_evaluate', reason: undefined }, { phase: 'build_relationships', reason: '' }]],
      ],
    });
  }, 120_000);
});

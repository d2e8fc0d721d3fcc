import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyTerms, labelKey, matchConfirmed, stem, suggestThemes, themeTerms, type ThemeAnswer } from './suggestThemes.ts';

const vocabulary = ['damp', 'Damp', 'housing', 'houses', 'house', 'buses', 'bus', 'late', 'rent', 'rents', 'repairs', 'repair', 'youth', 'clubs', 'club', 'the', 'and', 'in', 'our', 'flats', 'flat', 'parking', 'park', 'mould', 'landlord', '!', '…', 'street', 'lights'];
const answer = fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 8 }).map((ws) => ws.join(' '));
const answers: fc.Arbitrary<ThemeAnswer[]> = fc.uniqueArray(fc.record({ id: fc.uuid(), text: fc.oneof(answer, fc.string({ maxLength: 40 })) }), { selector: (a) => a.id, maxLength: 60 });
const options = fc.record({ exclude: fc.uniqueArray(fc.constantFrom('damp', 'hous', 'bus', 'rent', 'repair'), { maxLength: 3 }), maxThemes: fc.integer({ min: 1, max: 10 }) });

describe('suggested themes of open-text answers', () => {
  it('puts every answer in exactly one theme or Other, and the counts add up', () => {
    fc.assert(fc.property(answers, options, (as, opts) => {
      const s = suggestThemes(as, opts);
      const placed = [...s.themes.flatMap((t) => t.answerIds), ...s.other.answerIds];
      expect(placed.slice().sort()).toEqual(as.map((a) => a.id).sort());
      expect(s.themes.reduce((n, t) => n + t.count, 0) + s.other.count).toBe(as.length);
      for (const t of s.themes) {
        expect(t.count).toBe(t.answerIds.length);
        expect(t.count).toBeGreaterThanOrEqual(2);
        expect(t.examples.length).toBeLessThanOrEqual(3);
        expect(opts.exclude).not.toContain(t.key);
        // Explainable: every answer of a theme carries its key term.
        for (const id of t.answerIds) expect(keyTerms(as.find((a) => a.id === id)!.text).has(t.key)).toBe(true);
      }
      expect(s.themes.length).toBeLessThanOrEqual(opts.maxThemes);
      expect(s.other.count).toBe(s.other.answerIds.length);
    }));
  });

  it('gives the same themes whatever the order of the answers, and the same again for the same input', () => {
    fc.assert(fc.property(answers.chain((as) => fc.tuple(fc.constant(as), fc.shuffledSubarray(as, { minLength: as.length, maxLength: as.length }))), options, ([as, shuffled], opts) => {
      const a = suggestThemes(as, opts);
      expect(suggestThemes(shuffled, opts)).toEqual(a);
      expect(suggestThemes(as, opts)).toEqual(a);
    }));
  });

  it('matches new answers to confirmed themes independently of their order', () => {
    fc.assert(fc.property(answers, answers, (confirmedAnswers, fresh) => {
      const themes = [{ id: 't1', label: 'Damp housing', terms: themeTerms('Damp housing', confirmedAnswers) }, { id: 't2', label: 'Buses', terms: themeTerms('Buses', []) }];
      const m = matchConfirmed(fresh, themes);
      expect(matchConfirmed([...fresh].reverse(), [...themes].reverse())).toEqual(m);
      for (const [id, theme] of m) {
        const terms = keyTerms(fresh.find((a) => a.id === id)!.text);
        expect(themes.find((t) => t.id === theme)!.terms.some((s) => terms.has(s))).toBe(true);
      }
    }));
  });

  it('groups answers that share a stem and labels them with their words', () => {
    const as = [
      { id: '1', text: 'Damp in the flats' },
      { id: '2', text: 'The damp and mould in our flat' },
      { id: '3', text: 'Damp housing!' },
      { id: '4', text: 'Buses are always late' },
      { id: '5', text: 'More buses in the evening' },
      { id: '6', text: 'A youth club' },
    ];
    const s = suggestThemes(as);
    expect(s.themes.map((t) => [t.label, t.count])).toEqual([['Damp, flat', 3], ['Buses', 2]]);
    expect(s.other).toEqual({ count: 1, answerIds: ['6'], examples: ['A youth club'] });
    // Rejecting "damp" leaves "flat" to group by.
    expect(suggestThemes(as, { exclude: ['damp'] }).themes.map((t) => [t.key, t.count])).toEqual([['bus', 2], ['flat', 2]]);
    expect([stem('houses'), stem('housing'), stem('house'), stem('buses'), stem('running'), stem('parties')]).toEqual(['hous', 'hous', 'hous', 'bus', 'run', 'party']);
    expect(labelKey('  Damp,  HOUSING! ')).toBe('damp housing');
  });
});

import { colourOf } from './format.ts';
import type { Hex } from './api.ts';

export type ColourBy = 'winner' | 'share' | 'change' | 'target';

export interface LegendItem { key: string; colour: string; label: string }

const SHARE_BINS = [10, 20, 30, 40, 50];
const SHARE_COLOURS = ['#f7f7f7', '#d9d9d9', '#bdbdbd', '#969696', '#636363', '#252525'];
const CHANGE_BINS = [-10, -5, 0, 5, 10];
// Brown–teal diverging scheme: readable with the common forms of colour blindness.
const CHANGE_COLOURS = ['#8c510a', '#d8b365', '#f6e8c3', '#c7eae5', '#5ab4ac', '#01665e'];
const TARGET = { safe: '#1b7837', marginal: '#a6dba0', target: '#762a83', reach: '#e7d4e8', none: '#ffffff' };
/** Majority (%) under which a held seat counts as marginal, and swing (points) within which a seat is a target. */
export const MARGINAL_PCT = 10;
export const TARGET_SWING = 5;

const bin = (x: number, edges: number[]) => edges.findIndex((e) => x < e) === -1 ? edges.length : edges.findIndex((e) => x < e);

/** The status of a seat for a party: held safely, held marginally, a target within reach, out of reach, or not contested. */
export function targetStatus(h: Hex, party: string): keyof typeof TARGET {
  if (h.winner === party) return h.majorityPct < MARGINAL_PCT ? 'marginal' : 'safe';
  if (h.swingNeededPts === null) return 'none';
  return h.swingNeededPts <= TARGET_SWING ? 'target' : 'reach';
}

/** The fill of a hex for a colouring. */
export function hexColour(h: Hex, by: ColourBy, party: string): string {
  switch (by) {
    case 'winner': return colourOf(h.winner);
    case 'share': return h.sharePct === null ? TARGET.none : SHARE_COLOURS[bin(h.sharePct, SHARE_BINS)]!;
    case 'change': return h.changePts === null ? TARGET.none : CHANGE_COLOURS[bin(h.changePts, CHANGE_BINS)]!;
    case 'target': return TARGET[targetStatus(h, party)];
  }
}

/** Legend entries for a colouring; `label` gets translated text from the caller. */
export function legendFor(by: ColourBy, winners: string[], label: (key: string, values?: Record<string, unknown>) => string): LegendItem[] {
  switch (by) {
    case 'winner': return winners.map((w) => ({ key: w, colour: colourOf(w), label: label('party', { party: w }) }));
    case 'share': return SHARE_COLOURS.map((c, i) => ({ key: `s${i}`, colour: c, label: label('range', { from: i === 0 ? 0 : SHARE_BINS[i - 1], to: SHARE_BINS[i] ?? 100 }) }));
    case 'change': return CHANGE_COLOURS.map((c, i) => ({ key: `c${i}`, colour: c, label: i === 0 ? label('below', { to: CHANGE_BINS[0] }) : i === CHANGE_BINS.length ? label('above', { from: CHANGE_BINS.at(-1) }) : label('range', { from: CHANGE_BINS[i - 1], to: CHANGE_BINS[i] }) }));
    case 'target': return (Object.keys(TARGET) as (keyof typeof TARGET)[]).map((k) => ({ key: k, colour: TARGET[k], label: label(`status.${k}`, { marginal: MARGINAL_PCT, swing: TARGET_SWING }) }));
  }
}

import type { TFunction } from 'i18next';

const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');

/** A percentage or points to one decimal place; a dash when there is none. */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : one.format(x);
}

/** A change with its sign (+2.1, −3.4); a dash when there is none. */
export function signed(x: number | null | undefined): string {
  if (x === null || x === undefined) return '–';
  const r = Math.round(x * 10) / 10;
  if (r === 0) return one.format(0);
  return `${r > 0 ? '+' : '−'}${one.format(Math.abs(r))}`;
}

/** A whole number with separators; a dash when there is none. */
export function count(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : whole.format(x);
}

/** A party's name for people (its code when the catalogue has no name for it). */
export function partyLabel(t: TFunction, code: string): string {
  return t(`elections.parties.${code}`, { defaultValue: code });
}

/** Fill colours for winners on the map, with a neutral grey for anyone without one. */
export const partyColours: Record<string, string> = {
  Con: '#0087dc', Lab: '#e4003b', LD: '#faa61a', SNP: '#fdf38e', Green: '#02a95b', PC: '#005b54', DUP: '#d46a4c', SF: '#326760',
  SDLP: '#2aa82c', UUP: '#48a5ee', APNI: '#f6cb2f', BRX: '#12b6cf', RUK: '#12b6cf', UKIP: '#70147a', Spk: '#7a7a7a', Ind: '#b4b4b4',
};
export const colourOf = (party: string) => partyColours[party] ?? '#b4b4b4';

/**
 * Party codes as the House of Commons Library files use them, with the names used in text.
 * The files differ in their column for the right-populist party (UKIP, then BRX, then RUK)
 * and 2010 calls the UUP column "UUP (as UCUNF)"; codes here are what every other part uses.
 */
export const partyNames: Record<string, string> = {
  Con: 'Conservative',
  Lab: 'Labour',
  LD: 'Liberal Democrat',
  UKIP: 'UKIP',
  BRX: 'Brexit Party',
  RUK: 'Reform UK',
  Green: 'Green',
  SNP: 'SNP',
  PC: 'Plaid Cymru',
  DUP: 'DUP',
  SF: 'Sinn Féin',
  SDLP: 'SDLP',
  UUP: 'UUP',
  APNI: 'Alliance',
  Spk: 'Speaker',
  Ind: 'Independent',
  Other: 'Other',
};

/** The bucket column: every candidate of a party without its own column. */
export const OTHER = 'Other';

/** A column header or a "First/Second party" label as a party code ("UUP (as UCUNF)" and "UCUNF" → "UUP"). */
export function partyCode(label: string): string {
  const trimmed = label.trim();
  const bare = trimmed.replace(/\s*\(as [^)]*\)\s*$/i, '');
  return bare === 'UCUNF' ? 'UUP' : bare;
}

/** The name of a party for sentences; its code when it has no longer name. */
export function partyName(code: string): string {
  return partyNames[code] ?? code;
}

/**
 * Resolves a party given by a user (any case) to the code used in these results, or null when
 * the results do not have it. `known` lists the codes in the results.
 */
export function resolveParty(input: string, known: readonly string[]): string | null {
  const wanted = partyCode(input).toLowerCase();
  return known.find((k) => k.toLowerCase() === wanted || partyName(k).toLowerCase() === wanted) ?? null;
}

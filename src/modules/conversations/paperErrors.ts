const PREFIXES: [RegExp, string][] = [
  [/^people\.\d+\.postcode/, 'postcode'],
  [/^people\.\d+\.contacts\.(\d+)/, 'contact'],
  [/^people\.\d+\.(firstName|lastName)/, 'name'],
  [/^people/, 'name'],
  [/^occurredAt/, 'date'],
  [/^durationMinutes/, 'duration'],
  [/^issues/, 'issues'],
  [/^notes\.selfInterest/, 'selfInterest'],
  [/^notes/, 'notes'],
  [/^commitments/, 'commitment'],
  [/^followUps/, 'followUp'],
  [/^unitId/, 'unit'],
];

/** The sheet column a problem with a logged conversation's field belongs to, for per-row reports. */
export function sheetColumnOf(path: string): string {
  for (const [re, column] of PREFIXES) if (re.test(path)) return column;
  return path || 'row';
}

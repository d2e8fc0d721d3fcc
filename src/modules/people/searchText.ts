/**
 * The text trigram search runs over: names, every email and phone, and the postcode, lower-cased.
 * Phones are included both as stored (E.164) and in national form so "07700…" finds "+447700…".
 */
export function personSearchText(p: { firstName: string; lastName?: string | null; postcode?: string | null; contacts?: string[] }): string {
  const parts = [p.firstName, p.lastName ?? '', p.postcode ?? '', p.postcode?.replace(/\s/g, '') ?? ''];
  for (const c of p.contacts ?? []) {
    parts.push(c);
    if (c.startsWith('+44')) parts.push(`0${c.slice(3)}`);
  }
  return parts.filter(Boolean).join(' ').toLowerCase();
}

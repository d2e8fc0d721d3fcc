/** A person's name as shown in lists and headings ("Ada Lovelace", or just "Ada"). */
export function personName(p: { firstName: string; lastName: string }): string {
  return [p.firstName, p.lastName].filter(Boolean).join(' ');
}

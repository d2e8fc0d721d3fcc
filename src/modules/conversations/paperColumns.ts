/** The fields a typed-up conversation sheet may have, with the column headings each accepts. */
export const PAPER_FIELDS = {
  date: ['date', 'when', 'occurredat', 'dateofconversation'],
  time: ['time'],
  organiser: ['organiser', 'organiseremail', 'organizer', 'organizeremail', 'organiseremailaddress'],
  name: ['name', 'personname', 'person', 'fullname'],
  firstName: ['firstname', 'forename'],
  lastName: ['lastname', 'surname'],
  email: ['email', 'personemail', 'emailaddress'],
  phone: ['phone', 'personphone', 'mobile', 'telephone', 'phonenumber'],
  postcode: ['postcode', 'personpostcode', 'postalcode'],
  kind: ['kind', 'type', 'conversationtype', 'conversationkind'],
  outcome: ['outcome', 'result'],
  duration: ['duration', 'durationminutes', 'minutes'],
  issues: ['issues', 'issuesraised', 'issue'],
  notes: ['notes', 'note', 'story'],
  selfInterest: ['selfinterest'],
  commitment: ['commitment', 'commitments', 'ask'],
  followUp: ['followupdate', 'followup', 'followupon', 'followupdue'],
  followUpReason: ['followupreason'],
} as const;
export type PaperField = keyof typeof PAPER_FIELDS;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Which column holds which field. A heading that names no field is an error (nothing is
 * silently dropped), as is a file without date, organiser and some way to know the person.
 */
export function mapPaperColumns(columns: string[]): { map: Partial<Record<PaperField, number>>; problems: string[] } {
  const map: Partial<Record<PaperField, number>> = {};
  const problems: string[] = [];
  columns.forEach((col, i) => {
    const field = (Object.keys(PAPER_FIELDS) as PaperField[]).find((f) => (PAPER_FIELDS[f] as readonly string[]).includes(squash(col)));
    if (!field) problems.push(`Unknown column "${col}".`);
    else if (map[field] !== undefined) problems.push(`Two columns give the ${field}: "${columns[map[field]!]}" and "${col}".`);
    else map[field] = i;
  });
  if (map.date === undefined) problems.push('A "date" column is needed.');
  if (map.organiser === undefined) problems.push('An "organiser email" column is needed.');
  if (map.name === undefined && map.firstName === undefined && map.email === undefined && map.phone === undefined) problems.push('A "name", "email" or "phone" column is needed to know who was spoken with.');
  if (problems.length > 0) problems.push(`Columns understood: ${Object.values(PAPER_FIELDS).map((names) => names[0]).join(', ')}.`);
  return { map, problems };
}

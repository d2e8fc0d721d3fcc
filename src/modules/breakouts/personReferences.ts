import type { PersonReference } from '../duplicates/personReferences.ts';

/**
 * How a merge of people moves the issues they raised at meetings: the person follows the
 * survivor, so salience counts the merged person once. (Where both merged records held a place
 * at one meeting, the RSVP the merge drops takes its rows with it.)
 */
export const meetingPersonReferences: PersonReference[] = [
  { table: 'meeting_issue_people', column: 'person_id' },
];

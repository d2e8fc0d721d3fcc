import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { isRealDate } from '../custom-fields/validateCustomFields.ts';
import { commitmentAnswers, commitmentAsks, type CommitmentAnswer, type CommitmentAsk } from '../commitments/schema.ts';
import type { PaperField } from './paperColumns.ts';
import { conversationKinds, conversationOutcomes, type ConversationKind, type ConversationOutcome } from './schema.ts';

/** One sheet row read into fields, before people and organisers are looked up. */
export interface PaperRow {
  occurredAt: string;
  organiserEmail: string;
  firstName: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  kind: ConversationKind;
  outcome: ConversationOutcome;
  durationMinutes: number | null;
  issues: string[];
  story: string | null;
  selfInterest: string | null;
  commitment: { ask: CommitmentAsk; customText: string | null; answer: CommitmentAnswer } | null;
  followUp: { dueOn: string; reason: string } | null;
}

const words = (s: string) => s.trim().toLowerCase().replace(/[\s\-:/]+/g, '_').replace(/[^a-z0-9_]/g, '');
const KIND_WORDS: Record<string, ConversationKind> = { '1_2_1': 'one_to_one', '121': 'one_to_one', '1_1': 'one_to_one', one_2_one: 'one_to_one', door: 'doorstep', door_knock: 'doorstep', call: 'phone', phone_call: 'phone', listening_session: 'listening', house: 'house_meeting' };
const OUTCOME_WORDS: Record<string, ConversationOutcome> = { nh: 'not_home', nothome: 'not_home', out: 'not_home', cbl: 'come_back_later', call_back: 'come_back_later', comeback: 'come_back_later', refusal: 'refused', no_access: 'inaccessible' };
const ASK_WORDS: Record<string, CommitmentAsk> = { one_to_one: 'one_to_one', '121': 'one_to_one', '1_2_1': 'one_to_one', petition: 'sign', sign_petition: 'sign', come: 'attend', come_to_meeting: 'attend', host_meeting: 'host', host_a_house_meeting: 'host' };

/** A date as typed on a sheet (2025-03-04 or 04/03/2025), or null. */
export function paperDate(raw: string): string | null {
  const s = raw.trim();
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : s;
  return isRealDate(iso) ? iso : null;
}

/** The UTC instant of a wall-clock time in the UK (where paper sheets are filled in). */
export function londonTime(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(new Date(guess)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hours = Number(/GMT([+-]\d+)?/.exec(offset)?.[1] ?? 0);
  return new Date(guess - hours * 3_600_000).toISOString();
}

/** Reads one row's cells into fields, or the problems with it (as `{path: column field, message}`). */
export function readPaperRow(cells: string[], map: Partial<Record<PaperField, number>>): { row: PaperRow } | { errors: FieldError[] } {
  const get = (f: PaperField) => (map[f] === undefined ? '' : (cells[map[f]!] ?? '').trim());
  const errors: FieldError[] = [];
  const date = paperDate(get('date'));
  if (!date) errors.push({ path: 'date', message: 'Not a real date (write 2025-03-04 or 04/03/2025).' });
  const time = get('time');
  if (time && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) errors.push({ path: 'time', message: 'Not a time (write 18:30).' });
  const organiserEmail = get('organiser').toLowerCase();
  if (!organiserEmail) errors.push({ path: 'organiser', message: 'Say who held the conversation (their email).' });
  const name = get('name');
  const firstName = get('firstName') || name.split(/\s+/)[0] || null;
  const lastName = get('lastName') || (name ? name.split(/\s+/).slice(1).join(' ') : '');
  const kindWord = words(get('kind'));
  const kind = !kindWord ? 'doorstep' : (conversationKinds as readonly string[]).includes(kindWord) ? (kindWord as ConversationKind) : KIND_WORDS[kindWord];
  if (!kind) errors.push({ path: 'kind', message: `Unknown kind "${get('kind')}"; use one of ${conversationKinds.join(', ')}.` });
  const outcomeWord = words(get('outcome'));
  const outcome = !outcomeWord ? 'spoke' : (conversationOutcomes as readonly string[]).includes(outcomeWord) ? (outcomeWord as ConversationOutcome) : OUTCOME_WORDS[outcomeWord];
  if (!outcome) errors.push({ path: 'outcome', message: `Unknown outcome "${get('outcome')}"; use one of ${conversationOutcomes.join(', ')}.` });
  const durationText = get('duration');
  const durationMinutes = durationText ? Number(durationText) : null;
  if (durationMinutes !== null && !(Number.isInteger(durationMinutes) && durationMinutes >= 0 && durationMinutes <= 1440)) errors.push({ path: 'duration', message: 'Minutes, a whole number up to 1440.' });
  let commitment: PaperRow['commitment'] = null;
  const commitmentText = get('commitment');
  if (commitmentText) {
    const [askPart, answerPart] = commitmentText.split(/:(?=[^:]*$)/).map((s) => s.trim());
    const answerWord = words(answerPart ?? '');
    const answer = (commitmentAnswers as readonly string[]).includes(answerWord) ? (answerWord as CommitmentAnswer) : null;
    const askText = answer || !answerPart ? askPart! : commitmentText;
    const askWord = words(askText);
    const ask = (commitmentAsks as readonly string[]).includes(askWord) && askWord !== 'custom' ? (askWord as CommitmentAsk) : ASK_WORDS[askWord];
    commitment = { ask: ask ?? 'custom', customText: ask ? null : askText.slice(0, 500), answer: answer ?? 'yes' };
  }
  let followUp: PaperRow['followUp'] = null;
  if (get('followUp')) {
    const due = paperDate(get('followUp'));
    if (!due) errors.push({ path: 'followUp', message: 'Not a real date (write 2025-03-04 or 04/03/2025).' });
    else followUp = { dueOn: due, reason: get('followUpReason') || 'Follow up from a conversation sheet' };
  }
  if (errors.length > 0) return { errors };
  return {
    row: {
      occurredAt: time ? londonTime(date!, time) : londonTime(date!, '12:00'),
      organiserEmail, firstName, lastName, email: get('email') || null, phone: get('phone') || null, postcode: get('postcode') || null,
      kind: kind!, outcome: outcome!, durationMinutes,
      issues: get('issues').split(';').map((s) => s.trim()).filter(Boolean),
      story: get('notes') || null, selfInterest: get('selfInterest') || null, commitment, followUp,
    },
  };
}

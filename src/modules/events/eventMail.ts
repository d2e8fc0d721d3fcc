import type { Config } from '../../config.ts';
import { manageToken } from './rsvpTokens.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What a message about an event needs to know about it. */
export interface MailEvent {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  mode: 'in_person' | 'online' | 'both';
  address: string | null;
  postcode: string | null;
  onlineUrl: string | null;
  accessibilityNotes: string;
  unitName: string;
}

export interface MailRsvp {
  id: string;
  name: string;
  email: string | null;
}

/** "Thursday 7 May 2026, 19:00 to 21:00 (Europe/London)": the event's own time zone, always named. */
export function whenText(e: Pick<MailEvent, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = day.format(e.startsAt) === day.format(e.endsAt);
  const end = sameDay ? time.format(e.endsAt) : `${day.format(e.endsAt)}, ${time.format(e.endsAt)}`;
  return `${day.format(e.startsAt)}, ${time.format(e.startsAt)} to ${end} (${e.timeZone})`;
}

function placeLines(e: MailEvent, withLink: boolean): string[] {
  const lines: string[] = [];
  if (e.mode !== 'online') lines.push(`Where: ${[e.address, e.postcode].filter(Boolean).join(', ')}`);
  if (e.mode !== 'in_person') lines.push(withLink && e.onlineUrl ? `Join online: ${e.onlineUrl}` : 'Online: the link comes once you have a place.');
  if (e.accessibilityNotes) lines.push(`Access: ${e.accessibilityNotes}`);
  return lines;
}

const links = (config: Pick<Config, 'publicUrl'>, secret: string, r: MailRsvp) => {
  const token = manageToken(secret, r.id);
  return [`Your ticket (show it at the door): ${config.publicUrl}/e/ticket#token=${token}`, `Can't come? Cancel here: ${config.publicUrl}/e/cancel#token=${token}`];
};

const footer = (e: MailEvent) => ['', `Sent by ${e.unitName} through Tredegar because you signed up to this event. You will only hear about this event unless you said otherwise.`];

type Kind = 'going' | 'waitlisted' | 'promoted' | 'reminder' | 'cancelled' | 'rsvp_cancelled';

const subjects: Record<Kind, (e: MailEvent) => string> = {
  going: (e) => `You're booked: ${e.title}`,
  waitlisted: (e) => `You're on the waiting list: ${e.title}`,
  promoted: (e) => `A place has come up for you: ${e.title}`,
  reminder: (e) => `Reminder: ${e.title}`,
  cancelled: (e) => `Cancelled: ${e.title}`,
  rsvp_cancelled: (e) => `Your place is cancelled: ${e.title}`,
};

const openings: Record<Kind, string> = {
  going: 'Thank you for signing up. Your place is booked.',
  waitlisted: 'The event is full, so you are on the waiting list. If a place comes up it is yours, and we will email you.',
  promoted: 'Someone cancelled, so you now have a place.',
  reminder: 'This is a reminder that you have a place at:',
  cancelled: 'We are sorry: this event has been cancelled.',
  rsvp_cancelled: 'You have cancelled your place. Thank you for letting us know.',
};

/** One message about an event to one attendee (null when they gave no email address). */
export function eventMessage(kind: Kind, config: Pick<Config, 'publicUrl'>, secret: string, e: MailEvent, r: MailRsvp, reason?: string): MailMessage | null {
  if (!r.email) return null;
  const active = kind === 'going' || kind === 'promoted' || kind === 'reminder';
  const lines = [
    `Hello ${r.name},`,
    '',
    openings[kind],
    '',
    e.title,
    `When: ${whenText(e)}`,
    ...placeLines(e, active),
  ];
  if (kind === 'cancelled' && reason) lines.push('', `Why: ${reason}`);
  if (active || kind === 'waitlisted') lines.push('', ...links(config, secret, r));
  lines.push(...footer(e));
  return { to: r.email, subject: subjects[kind](e), text: lines.join('\n') };
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { validationFailed } from '../../server/errors.ts';
import { deriveAreas } from '../people/deriveAreas.ts';
import { normalisePostcode } from '../people/normalise.ts';
import type { EventMode } from './schema.ts';
import { isTimeZone, parseLocal, zonedInstant } from './zonedTime.ts';

type FieldError = { path: string; message: string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A time as given (local in `timeZone`, or an instant with an offset) → the instant, or an error message. */
export function resolveTime(text: string, timeZone: string): Date | string {
  const local = parseLocal(text);
  if (local) return zonedInstant(local, timeZone);
  if (INSTANT.test(text)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return 'Must be a real date and time, "YYYY-MM-DDTHH:MM" or with an offset.';
}

export interface EventPlace {
  mode: EventMode;
  address: string | null;
  postcode: string | null;
  wardCode: string | null;
  onlineUrl: string | null;
}

export interface CheckedPlace {
  address: string | null;
  postcode: string | null;
  wardCode: string | null;
  constituencyCode: string | null;
  onlineUrl: string | null;
}

/** Collects field errors and throws them together as one 422. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw validationFailed('Some details of the event are not valid.', this.list);
  }
}

/** Start and end as instants: a known time zone, real times, and the end after the start. */
export function checkTimes(errors: FieldErrors, startsAt: string, endsAt: string, timeZone: string): { start: Date; end: Date } | null {
  if (!isTimeZone(timeZone)) {
    errors.add('timeZone', 'Not a known time zone; use an IANA name such as Europe/London.');
    return null;
  }
  const start = resolveTime(startsAt, timeZone);
  const end = resolveTime(endsAt, timeZone);
  if (typeof start === 'string') errors.add('startsAt', start);
  if (typeof end === 'string') errors.add('endsAt', end);
  if (typeof start === 'string' || typeof end === 'string') return null;
  if (end.getTime() <= start.getTime()) {
    errors.add('endsAt', 'The end must be after the start.');
    return null;
  }
  if (end.getTime() - start.getTime() > 31 * 86_400_000) {
    errors.add('endsAt', 'An event can last at most 31 days.');
    return null;
  }
  return { start, end };
}

/**
 * Where an event happens: in person needs an address, postcode or ward (the ward and
 * constituency come from the postcode when not given); online needs a link. Fields that do
 * not apply to the mode are cleared.
 */
export async function checkPlace(db: Db, errors: FieldErrors, p: EventPlace): Promise<CheckedPlace> {
  const inPerson = p.mode !== 'online';
  const online = p.mode !== 'in_person';
  const out: CheckedPlace = { address: null, postcode: null, wardCode: null, constituencyCode: null, onlineUrl: null };
  if (online) {
    if (!p.onlineUrl) errors.add('onlineUrl', 'An online event needs its link.');
    out.onlineUrl = p.onlineUrl || null;
  }
  if (inPerson) {
    out.address = p.address || null;
    if (p.postcode) {
      out.postcode = normalisePostcode(p.postcode);
      if (!out.postcode) errors.add('postcode', 'Not a UK postcode.');
    }
    if (!out.address && !out.postcode && !p.wardCode) errors.add('address', 'An in-person event needs an address, a postcode or a ward.');
    const areas = await deriveAreas(db, { postcode: out.postcode, wardCode: p.wardCode || null });
    for (const e of areas.errors) errors.add(e.path, e.message);
    out.wardCode = areas.wardCode;
    out.constituencyCode = areas.constituencyCode;
  }
  return out;
}

/** Hosts must be accounts that hold a role in the event's organisation and are not disabled. */
export async function checkHosts(db: Db, errors: FieldErrors, orgId: string, hostIds: string[]): Promise<string[]> {
  const ids = [...new Set(hostIds)];
  if (ids.length === 0) return ids;
  const found = await execute<{ id: string }>(db, sql`
    select distinct a.id from accounts a join role_grants g on g.account_id = a.id join units u on u.id = g.unit_id
    where a.id = any(${arrayParam(ids)}::uuid[]) and a.disabled_at is null and u.org_id = ${orgId}`);
  const known = new Set(found.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) errors.add(`hostIds.${i}`, 'No account with this id works in the event’s organisation.');
  });
  return ids;
}

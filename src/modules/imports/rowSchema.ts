import { z } from 'zod';
import { isRealDate } from '../custom-fields/validateCustomFields.ts';
import { normaliseEmail, normalisePhone, normalisePostcode } from '../people/normalise.ts';
import type { MembershipStatus } from '../people/schema.ts';
import { tagSlug } from '../tags/slug.ts';

// What other tools write for each membership status.
const STATUS_WORDS: Record<string, MembershipStatus> = {
  none: 'none', no: 'none', 'non-member': 'none', nonmember: 'none', 'not a member': 'none',
  supporter: 'supporter', 'registered supporter': 'supporter', 'affiliated supporter': 'supporter', friend: 'supporter',
  member: 'member', active: 'member', current: 'member', yes: 'member', 'full member': 'member', 'in good standing': 'member',
  lapsed: 'lapsed', expired: 'lapsed', arrears: 'lapsed', 'in arrears': 'lapsed',
  resigned: 'resigned', cancelled: 'resigned', canceled: 'resigned', left: 'resigned',
};

/** The membership status a word stands for (own keys only: "constructor" is not a status). */
function statusOf(word: string): MembershipStatus | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(STATUS_WORDS, key) ? STATUS_WORDS[key] : undefined;
}

/** A date as spreadsheets write it (2024-03-01, 01/03/2024 read as day first, or an ISO timestamp), as YYYY-MM-DD. */
export function parseImportDate(raw: string): string | null {
  const v = raw.trim();
  const pad = (n: string) => n.padStart(2, '0');
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(v);
  const dmy = ymd ? null : /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  const iso = ymd ? `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}` : dmy ? `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}` : null;
  return iso && isRealDate(iso) ? iso : null;
}

const text = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).transform((v) => (v === '' ? null : v));

const normalised = (normalise: (v: string) => string | null, message: string, max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).transform((v, ctx) => {
    const n = normalise(v);
    if (n === null) ctx.addIssue({ code: 'custom', message: `${message}: "${v.slice(0, 60)}"` });
    return { value: v, normalised: n ?? '' };
  });

/**
 * The standard fields of one import row, from trimmed cell text to stored form. Contact and
 * tag fields are lists (several columns, or "a; b" in one cell); the caller splits them.
 */
export const importRowSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  fullName: text(200),
  email: z.array(normalised(normaliseEmail, 'Not a valid email address', 320)),
  phone: z.array(normalised(normalisePhone, 'Not a valid phone number', 40)),
  mobile: z.array(normalised(normalisePhone, 'Not a valid phone number', 40)),
  addressLine1: text(200),
  addressLine2: text(200),
  town: text(100),
  postcode: z.string().trim().max(12, 'At most 12 characters.').transform((v, ctx) => {
    if (v === '') return null;
    const n = normalisePostcode(v);
    if (!n) ctx.addIssue({ code: 'custom', message: `Not a UK postcode: "${v}"` });
    return n;
  }),
  wardCode: text(20).transform((v) => v?.toUpperCase() ?? null),
  constituencyCode: text(20).transform((v) => v?.toUpperCase() ?? null),
  membershipStatus: z.string().trim().max(50, 'At most 50 characters.').transform((v, ctx) => {
    if (v === '') return null;
    const status = statusOf(v);
    if (!status) ctx.addIssue({ code: 'custom', message: `Not a membership status: "${v}" (use none, supporter, member, lapsed or resigned)` });
    return status ?? null;
  }),
  membershipNumber: text(50),
  joinedOn: z.string().trim().max(40, 'At most 40 characters.').transform((v, ctx) => {
    if (v === '') return null;
    const d = parseImportDate(v);
    if (!d) ctx.addIssue({ code: 'custom', message: `Not a date: "${v}" (write 2024-03-31 or 31/03/2024)` });
    return d;
  }),
  tags: z.array(
    z.string().trim().max(100, 'A tag name is at most 100 characters.').transform((v, ctx) => {
      const slug = tagSlug(v);
      if (!slug) ctx.addIssue({ code: 'custom', message: `Not a tag name: "${v}"` });
      return { name: v, slug };
    }),
  ).max(50, 'At most 50 tags a row.'),
  unit: z.string().trim().max(40, 'At most 40 characters.').transform((v) => (v === '' ? null : v.toLowerCase())),
});
export type ImportRowInput = z.input<typeof importRowSchema>;
export type ImportRowValues = z.output<typeof importRowSchema>;

// The fast path below gives exactly what importRowSchema gives for a row without problems
// (a property test holds them together); a row with any problem is parsed by the schema
// itself, so every message and its order come from one place.
const trimmed = (v: string, max: number): string | null | undefined => {
  const t = v.trim();
  return t.length > max ? undefined : t === '' ? null : t;
};

function list<T>(values: string[], max: number, check: (v: string) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v.length > max) return undefined;
    const checked = check(v);
    if (checked === undefined) return undefined;
    out.push(checked);
  }
  return out;
}

const contact = (normalise: (v: string) => string | null) => (v: string) => {
  const n = normalise(v);
  return n === null ? undefined : { value: v, normalised: n };
};
const emailOf = contact(normaliseEmail);
const phoneOf = contact(normalisePhone);

/**
 * `importRowSchema.parse` for a row that passes it, without the per-row cost of the schema;
 * `undefined` when the row has any problem (the caller then asks the schema for the issues).
 */
export function checkImportRow(input: ImportRowInput): ImportRowValues | undefined {
  const firstName = trimmed(input.firstName, 100);
  const lastName = trimmed(input.lastName, 100);
  const fullName = trimmed(input.fullName, 200);
  const addressLine1 = trimmed(input.addressLine1, 200);
  const addressLine2 = trimmed(input.addressLine2, 200);
  const town = trimmed(input.town, 100);
  const wardCode = trimmed(input.wardCode, 20);
  const constituencyCode = trimmed(input.constituencyCode, 20);
  const membershipNumber = trimmed(input.membershipNumber, 50);
  if (firstName === undefined || lastName === undefined || fullName === undefined || addressLine1 === undefined || addressLine2 === undefined
    || town === undefined || wardCode === undefined || constituencyCode === undefined || membershipNumber === undefined) return undefined;
  const pc = input.postcode.trim();
  const postcode = pc === '' ? null : pc.length > 12 ? undefined : (normalisePostcode(pc) ?? undefined);
  const st = input.membershipStatus.trim();
  const membershipStatus = st === '' ? null : st.length > 50 ? undefined : statusOf(st);
  const jo = input.joinedOn.trim();
  const joinedOn = jo === '' ? null : jo.length > 40 ? undefined : (parseImportDate(jo) ?? undefined);
  const un = input.unit.trim();
  if (postcode === undefined || membershipStatus === undefined || joinedOn === undefined || un.length > 40 || input.tags.length > 50) return undefined;
  const email = list(input.email, 320, emailOf);
  const phone = list(input.phone, 40, phoneOf);
  const mobile = list(input.mobile, 40, phoneOf);
  const tags = list(input.tags, 100, (v) => {
    const slug = tagSlug(v);
    return slug ? { name: v, slug } : undefined;
  });
  if (!email || !phone || !mobile || !tags) return undefined;
  return {
    firstName, lastName, fullName, email, phone, mobile, addressLine1, addressLine2, town, postcode,
    wardCode: wardCode?.toUpperCase() ?? null, constituencyCode: constituencyCode?.toUpperCase() ?? null,
    membershipStatus, membershipNumber, joinedOn, tags, unit: un === '' ? null : un.toLowerCase(),
  };
}

/** Splits "Ann Smith" or "Smith, Ann" into first and last name. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const comma = full.indexOf(',');
  if (comma > 0) return { firstName: full.slice(comma + 1).trim(), lastName: full.slice(0, comma).trim() };
  const parts = full.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0]!, lastName: '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

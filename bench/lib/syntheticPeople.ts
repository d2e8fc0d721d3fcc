import { fakerEN_GB as faker } from '@faker-js/faker';
import { membershipStatuses, type MembershipStatus } from '../../src/modules/people/schema.ts';
import { Prng, cumulative } from './prng.ts';
import type { WardPlace } from './geography.ts';

/** One generated person as a source file would hold them (phones and emails as typed, not normalised). */
export interface SyntheticPerson {
  /** 0-based row number in the generated stream. */
  row: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  addressLine1: string;
  town: string;
  postcode: string;
  wardCode: string;
  constituencyCode: string;
  membershipStatus: MembershipStatus;
  membershipNumber: string | null;
  joinedOn: string | null;
  tags: string[];
  /** Row number of the person this row repeats (sharing an email or phone), or null. */
  duplicateOf: number | null;
}

/** The fixed tag list generated people carry (names; slugs are their lower-case-hyphen form). */
export const BENCH_TAGS = [
  'Housing', 'Tenant', 'Union member', 'Volunteer', 'Foodbank', 'Buses', 'NHS', 'Potential leader',
  'Damp and mould', 'Schools', 'Cost of living', 'Social care',
] as const;
const TAG_WEIGHTS = cumulative([14, 12, 12, 10, 8, 8, 9, 4, 7, 6, 7, 3]);
const TAG_COUNT_WEIGHTS = cumulative([40, 30, 20, 10]);
const STATUS_WEIGHTS = cumulative([25, 25, 35, 10, 5]); // none, supporter, member, lapsed, resigned
const DOMAINS = ['gmail.com', 'hotmail.co.uk', 'yahoo.co.uk', 'outlook.com', 'btinternet.com', 'icloud.com', 'sky.com', 'live.co.uk', 'example.org'];
const DOMAIN_WEIGHTS = cumulative([30, 15, 10, 12, 8, 8, 5, 5, 7]);

export const tagSlug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const local = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

interface Pools {
  firstNames: string[];
  lastNames: string[];
  streets: string[];
}

/** Name and street pools drawn once with seeded faker: combining them per row is ~100× faster than faker per row. */
function buildPools(seed: number): Pools {
  faker.seed(seed);
  const defs = faker.rawDefinitions.person!;
  const firstNames = [...new Set([...(defs.first_name as { female: string[]; male: string[] }).female, ...(defs.first_name as { male: string[] }).male])];
  const lastNames = [...new Set(Array.from({ length: 6000 }, () => faker.person.lastName()))];
  const streets = [...new Set(Array.from({ length: 4000 }, () => faker.location.street()))];
  return { firstNames, lastNames, streets };
}

/** Formats a 9-digit UK mobile subscriber number the ways people type them. */
function formatMobile(digits: string, style: number): string {
  const n = `7${digits}`;
  if (style === 0) return `0${n.slice(0, 4)} ${n.slice(4)}`;
  if (style === 1) return `+44 ${n.slice(0, 4)} ${n.slice(4)}`;
  if (style === 2) return `+44${n}`;
  return `0${n}`;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Share of rows that repeat an earlier person's email or phone. */
  duplicateRate?: number;
}

/**
 * Streams realistic synthetic people spread over real wards: en_GB names, emails, UK mobiles in
 * mixed formats, a membership mix, 0–3 tags and about 2% duplicates. Holds only a small window
 * of earlier rows (to copy duplicates from), so a million rows take little memory.
 */
export function* syntheticPeople(places: WardPlace[], opts: GenerateOptions): Generator<SyntheticPerson> {
  const seed = opts.seed ?? 2026;
  const dupRate = opts.duplicateRate ?? 0.02;
  const pools = buildPools(seed);
  const prng = new Prng(seed);
  const window: SyntheticPerson[] = [];
  const WINDOW = 20_000;
  for (let row = 0; row < opts.count; row++) {
    let person: SyntheticPerson;
    if (window.length > 100 && prng.chance(dupRate)) {
      person = duplicateOf(prng.pick(window), row, prng, pools);
    } else {
      person = freshPerson(row, places, prng, pools);
      if (window.length < WINDOW) window.push(person);
      else window[row % WINDOW] = person;
    }
    yield person;
  }
}

function freshPerson(row: number, places: WardPlace[], prng: Prng, pools: Pools): SyntheticPerson {
  const place = prng.pick(places);
  const firstName = prng.pick(pools.firstNames);
  const lastName = prng.pick(pools.lastNames);
  // The row number keeps every fresh email unique; people's real addresses are as varied.
  const style = prng.int(0, 3);
  const user = style === 0 ? `${local(firstName)}.${local(lastName)}` : style === 1 ? `${local(firstName)}${local(lastName)}` : style === 2 ? `${local(firstName)[0]}${local(lastName)}` : `${local(lastName)}.${local(firstName)}`;
  const email = prng.chance(0.92) ? `${user}${row.toString(36)}@${prng.weighted(DOMAINS, DOMAIN_WEIGHTS)}` : null;
  // A bijection of the row number over 8 digits: unique numbers without a set of them.
  const digits = `7${String((row * 48271 + 1_234_567) % 100_000_000).padStart(8, '0')}`;
  const phone = prng.chance(0.85) ? formatMobile(digits, prng.int(0, 3)) : null;
  const status = prng.weighted(membershipStatuses, STATUS_WEIGHTS);
  const isMemberish = status === 'member' || status === 'lapsed' || status === 'resigned';
  const tagCount = prng.weighted([0, 1, 2, 3], TAG_COUNT_WEIGHTS);
  const tags = new Set<string>();
  while (tags.size < tagCount) tags.add(prng.weighted(BENCH_TAGS, TAG_WEIGHTS));
  return {
    row,
    firstName,
    lastName,
    email,
    phone,
    addressLine1: `${prng.int(1, 240)} ${prng.pick(pools.streets)}`,
    town: place.town,
    postcode: prng.pick(place.postcodes),
    wardCode: place.wardCode,
    constituencyCode: place.constituencyCode,
    membershipStatus: status,
    membershipNumber: isMemberish ? `L${String(100000 + row)}` : null,
    joinedOn: isMemberish ? `${prng.int(1985, 2025)}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}` : null,
    tags: [...tags],
    duplicateOf: null,
  };
}

/** The ways the same person (or household) turns up twice in real lists. */
function duplicateOf(orig: SyntheticPerson, row: number, prng: Prng, pools: Pools): SyntheticPerson {
  const kind = prng.next();
  const base = { ...orig, row, duplicateOf: orig.row, tags: [...orig.tags] };
  if (kind < 0.5 || (!orig.phone && !orig.email)) {
    // The same person entered again: email in other case, phone in another format.
    const email = orig.email ? orig.email[0]!.toUpperCase() + orig.email.slice(1) : null;
    const phone = orig.phone ? formatMobile(orig.phone.replace(/\D/g, '').replace(/^(44|0)/, '').slice(1), prng.int(0, 3)) : null;
    return { ...base, email, phone: phone ?? orig.phone };
  }
  if (kind < 0.75 && orig.phone) {
    // Someone else in the household sharing the landline-like mobile.
    const firstName = prng.pick(pools.firstNames);
    return { ...base, firstName, email: `${local(firstName)}.${local(orig.lastName)}${row.toString(36)}@${prng.pick(DOMAINS)}`, membershipStatus: 'supporter', membershipNumber: null, joinedOn: null };
  }
  // The same person after a move: same email, new address.
  return { ...base, addressLine1: `${prng.int(1, 240)} ${prng.pick(pools.streets)}` };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normaliseEmail } from '../people/normalise.ts';
import { checkImportRow, importRowSchema, type ImportRowInput } from './rowSchema.ts';

const odd = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', 'a', 'Z', '0', '7', '@', '.', '-', '+', '(', ')', ',', 'é', '😀'), maxLength: 24 });
const long = (n: number) => fc.constantFrom('x'.repeat(n), ` ${'y'.repeat(n)} `, 'z'.repeat(n + 1), ` ${'w'.repeat(n + 1)}`);
// Mostly values a file would hold, now and then anything: a row with one bad value among good
// ones is the case that tells the two checks apart.
const mostly = (good: fc.Arbitrary<string>, ...bad: fc.Arbitrary<string>[]) =>
  fc.oneof({ weight: 12, arbitrary: good }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
const name = mostly(fc.constantFrom('', '  ', 'Ann', ' Ann ', 'Smith, Ann', "O'Neil"), odd, long(100), long(200));
const email = mostly(
  fc.constantFrom('ann@example.org', ' ANN@Example.ORG ', 'a@example.co.uk'),
  fc.constantFrom('not an email', 'a@b', 'a..b@example.org', '.a@example.org', `${'a'.repeat(310)}@example.org`, `${'a'.repeat(300)}@example.org`),
  odd,
  fc.emailAddress(),
);
const phone = mostly(fc.constantFrom('07700 900123', '+44 7700 900124', '(01302) 123456', '01302123456'), fc.constantFrom('12', '+1 202 555 0143', 'abc', '0770090012345678', ` ${'0'.repeat(41)}`), odd);
const postcode = mostly(fc.constantFrom('', ' ', 'DN3 3AA', 'dn33aa', ' sw1a  1aa '), fc.constantFrom('XX1', 'EC1A 1BB     ', 'ABCDEFGHIJKLM'), odd);
const status = mostly(fc.constantFrom('', 'member', ' Lapsed ', 'In good standing'), fc.constantFrom('constructor', '__proto__', 'toString', 'nonsense'), odd, long(50));
const date = mostly(fc.constantFrom('', '2024-02-29', '31/01/2020', '2020-01-31T10:00:00Z', '1/2/2020', '2020.1.2'), fc.constantFrom('2023-02-29', 'soon'), odd, long(40));
const tag = mostly(fc.constantFrom('Housing', ' Tenant ', 'Union member'), fc.constantFrom('!!!', '', ' '), odd, long(100));
const code = (n: number) => mostly(fc.constantFrom('', 'e05010729', ' E14000001 ', 'unit-a'), odd, long(n));

const row: fc.Arbitrary<ImportRowInput> = fc.record({
  firstName: name, lastName: name, fullName: name,
  email: fc.array(email, { maxLength: 3 }), phone: fc.array(phone, { maxLength: 2 }), mobile: fc.array(phone, { maxLength: 2 }),
  addressLine1: name, addressLine2: name, town: name, postcode,
  wardCode: code(20), constituencyCode: code(20), membershipStatus: status, membershipNumber: code(50), joinedOn: date,
  tags: fc.oneof({ weight: 12, arbitrary: fc.array(tag, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(50, 51).map((n) => Array.from({ length: n }, (_, i) => `t${i}`)) }),
  unit: code(40),
});

describe('the fast check of an import row', () => {
  it('accepts exactly the rows the schema accepts, with the same values', () => {
    fc.assert(
      fc.property(row, (input) => {
        const parsed = importRowSchema.safeParse(input);
        expect(checkImportRow(input)).toEqual(parsed.success ? parsed.data : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('passes ordinary rows (so the schema is the exception, not the rule)', () => {
    const input: ImportRowInput = {
      firstName: 'Ann', lastName: 'Smith', fullName: '', email: ['ann@example.org'], phone: ['01302 123456'], mobile: ['07700 900123'],
      addressLine1: '1 High St', addressLine2: '', town: 'Doncaster', postcode: 'dn3 3aa', wardCode: '', constituencyCode: '',
      membershipStatus: 'member', membershipNumber: '', joinedOn: '31/01/2020', tags: ['Housing'], unit: '',
    };
    expect(checkImportRow(input)).toMatchObject({ postcode: 'DN3 3AA', joinedOn: '2020-01-31', membershipStatus: 'member', email: [{ normalised: 'ann@example.org' }] });
  });

  it('reads no membership status from the names of object properties', () => {
    const parsed = importRowSchema.safeParse({ ...emptyRow(), membershipStatus: 'constructor' });
    expect(parsed.success).toBe(false);
  });

  it('checks emails as the zod email format does', () => {
    const schema = z.string().email().max(320);
    fc.assert(
      fc.property(email, (raw) => {
        const v = raw.trim().toLowerCase();
        expect(normaliseEmail(raw)).toBe(schema.safeParse(v).success ? v : null);
      }),
      { numRuns: 2000 },
    );
  });
});

function emptyRow(): ImportRowInput {
  return {
    firstName: 'A', lastName: '', fullName: '', email: [], phone: [], mobile: [], addressLine1: '', addressLine2: '', town: '', postcode: '',
    wardCode: '', constituencyCode: '', membershipStatus: '', membershipNumber: '', joinedOn: '', tags: [], unit: '',
  };
}

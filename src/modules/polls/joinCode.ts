import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: read off a projector and typed on a phone without mistakes.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A six-character join code such as "K7M2XQ" (31⁶ ≈ 887 million of them). */
export function newJoinCode(): string {
  return Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A code as typed ("k7m 2xq") in its stored form, or null when it cannot be one. */
export function normaliseJoinCode(raw: string): string | null {
  const v = raw.toUpperCase().replace(/[\s-]/g, '');
  return v.length === 6 && [...v].every((c) => ALPHABET.includes(c)) ? v : null;
}

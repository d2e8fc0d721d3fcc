import { createHmac, randomInt } from 'node:crypto';
import { hashToken } from '../accounts/tokens.ts';

/**
 * The token in an attendee's ticket and cancel links. It is derived from the RSVP id with the
 * server secret, so any message (confirmation, promotion, reminder) can carry the same link
 * while the database holds only its hash.
 */
export function manageToken(secret: string, rsvpId: string): string {
  return `rsvp_${createHmac('sha256', secret).update(`event-rsvp:${rsvpId}`).digest('base64url')}`;
}

export const manageTokenHash = (secret: string, rsvpId: string) => hashToken(secret, manageToken(secret, rsvpId));

// No 0/O, 1/I/L: read aloud or typed at a door without mistakes.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A check-in code such as "K7M2-XQ9P": what a ticket's QR code carries and what a door volunteer types. */
export function newCheckInCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** A code as typed or scanned ("k7m2 xq9p", "K7M2XQ9P") in its stored form, or null. */
export function normaliseCheckInCode(raw: string): string | null {
  const v = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (v.length !== 8 || [...v].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `${v.slice(0, 4)}-${v.slice(4)}`;
}

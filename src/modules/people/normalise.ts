import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';

// The pattern z.string().email() checks, tested directly: imports normalise hundreds of
// thousands of values and a schema parse per value costs more than the match.
const EMAIL = z.regexes.email;
// A UK mobile written the usual ways: its E.164 form needs no metadata lookup.
const UK_MOBILE = /^(?:\+44\s?7|\(?07)\d{3}\)?[\s-]?\d{3}[\s-]?\d{3}$/;

/** Lower-cased, trimmed email, or null when it is not a plausible address. */
export function normaliseEmail(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  return v.length <= 320 && EMAIL.test(v) ? v : null;
}

/** E.164 form of a phone number (UK by default), or null when it cannot be a real number (wrong length or characters). */
export function normalisePhone(raw: string, defaultCountry: 'GB' = 'GB'): string | null {
  const v = raw.trim();
  if (v.length < 5 || v.length > 30 || !/^[+\d\s().-]+$/.test(v)) return null;
  if (defaultCountry === 'GB' && UK_MOBILE.test(v)) return `+447${v.replace(/\D/g, '').slice(-9)}`;
  const parsed = parsePhoneNumberFromString(v, defaultCountry);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

/** A UK postcode in its standard form ("DN1 2AB"), or null when it is not shaped like one. */
export function normalisePostcode(raw: string): string | null {
  const m = POSTCODE.exec(raw.trim().toUpperCase().replace(/\s+/g, ' '));
  return m ? `${m[1]} ${m[2]}` : null;
}

import { z } from 'zod';

type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>['customError']>>[0];

const kinds: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object', date: 'a date' };
const formats: Record<string, string> = { email: 'Enter a valid email address.', uuid: 'Must be a valid id.', url: 'Must be a web address.', regex: 'Is not in the expected format.', date: 'Must be a date (YYYY-MM-DD).', datetime: 'Must be a date and time (ISO 8601).' };

/**
 * Plain-English validation messages. Zod's defaults ("Too small: expected string to have >=1
 * characters") reach people through forms, so every route and import shares these instead.
 */
export function plainMessage(issue: Issue): string | undefined {
  const i = issue as Issue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; format?: string; values?: unknown[]; keys?: string[]; expected?: string; input?: unknown };
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? 'Required.' : `Must be ${kinds[i.expected ?? ''] ?? i.expected}.`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? 'Required.' : `Must be at least ${i.minimum} characters.`;
      if (i.origin === 'array' || i.origin === 'set') return `Must have at least ${i.minimum} item${Number(i.minimum) === 1 ? '' : 's'}.`;
      return `Must be at least ${i.minimum}.`;
    case 'too_big':
      if (i.origin === 'string') return `Must be at most ${i.maximum} characters.`;
      if (i.origin === 'array' || i.origin === 'set') return `Must have at most ${i.maximum} items.`;
      return `Must be at most ${i.maximum}.`;
    case 'invalid_format':
      return formats[i.format ?? ''] ?? 'Is not in the expected format.';
    case 'invalid_value':
      return i.values && i.values.length <= 12 ? `Must be one of: ${i.values.map(String).join(', ')}.` : 'Is not an allowed value.';
    case 'unrecognized_keys':
      return `Unknown field${(i.keys?.length ?? 0) > 1 ? 's' : ''}: ${i.keys?.join(', ')}.`;
    default:
      return undefined;
  }
}

/** Installs the messages for every schema in the process. */
export function usePlainZodMessages(): void {
  z.config({ customError: plainMessage });
}

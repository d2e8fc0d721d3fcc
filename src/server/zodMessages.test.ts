import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { usePlainZodMessages } from './zodMessages.ts';

usePlainZodMessages();
const messages = (schema: z.ZodTypeAny, value: unknown) => (schema.safeParse(value).error?.issues ?? []).map((i) => i.message);

describe('plain validation messages', () => {
  it('says what is wrong in plain words', () => {
    const s = z.strictObject({ name: z.string().min(1).max(5), email: z.string().email(), kind: z.enum(['a', 'b']), n: z.number().int().min(2), list: z.array(z.string()).max(1) });
    expect(messages(s, { name: '', email: 'x', kind: 'c', n: 1, list: ['a', 'b'], extra: 1 })).toEqual([
      'Required.',
      'Enter a valid email address.',
      'Must be one of: a, b.',
      'Must be at least 2.',
      'Must have at most 1 items.',
      'Unknown field: extra.',
    ]);
    expect(messages(s.shape.name, 'toolong')).toEqual(['Must be at most 5 characters.']);
    expect(messages(s.shape.n, 'three')).toEqual(['Must be a number.']);
    expect(messages(z.object({ a: z.string() }), {})).toEqual(['Required.']);
  });
});

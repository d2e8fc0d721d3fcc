import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDate, MAX_TEXT_LENGTH, validateCustomFields, type CustomFieldDefinition } from './validateCustomFields.ts';

const defs: CustomFieldDefinition[] = [
  { key: 'notes', label: 'Notes', type: 'text', choices: [], required: false },
  { key: 'children', label: 'Children', type: 'number', choices: [], required: false },
  { key: 'first_met', label: 'First met', type: 'date', choices: [], required: false },
  { key: 'tenure', label: 'Tenure', type: 'single_choice', choices: ['Owner', 'Private renter', 'Council tenant'], required: true },
  { key: 'issues', label: 'Issues', type: 'multiple_choice', choices: ['Damp', 'Rent', 'Repairs'], required: false },
];

describe('validateCustomFields', () => {
  it('accepts good values and drops empty optional ones', () => {
    const r = validateCustomFields(defs, { notes: 'Met at the foodbank', children: 2, first_met: '2024-02-29', tenure: 'Owner', issues: ['Repairs', 'Damp'] });
    expect(r).toEqual({ ok: true, value: { notes: 'Met at the foodbank', children: 2, first_met: '2024-02-29', tenure: 'Owner', issues: ['Damp', 'Repairs'] } });
    expect(validateCustomFields(defs, { tenure: 'Owner', notes: null, issues: [] })).toEqual({ ok: true, value: { tenure: 'Owner' } });
  });

  it('reports every problem with its path', () => {
    const r = validateCustomFields(defs, { notes: 'x'.repeat(MAX_TEXT_LENGTH + 1), children: '2', first_met: '2023-02-29', issues: ['Damp', 'Noise'], colour: 'red' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(['customFields.children', 'customFields.colour', 'customFields.first_met', 'customFields.issues', 'customFields.notes', 'customFields.tenure']);
    expect(r.errors.find((e) => e.path === 'customFields.issues')!.message).toContain('Noise');
    expect(r.errors.find((e) => e.path === 'customFields.tenure')!.message).toContain('required');
  });

  it('reads text forms for CSV import', () => {
    const r = validateCustomFields(defs, { notes: '  hi ', children: '3', first_met: '2024-05-01', tenure: ' Council tenant ', issues: 'Damp; Rent;' }, { fromText: true });
    expect(r).toEqual({ ok: true, value: { notes: 'hi', children: 3, first_met: '2024-05-01', tenure: 'Council tenant', issues: ['Damp', 'Rent'] } });
    const blank = validateCustomFields(defs, { children: '', tenure: '' }, { fromText: true });
    expect(blank).toEqual({ ok: false, errors: [{ path: 'customFields.tenure', message: 'Tenure is required.' }] });
    expect(validateCustomFields(defs, { tenure: 'Owner', children: 'three' }, { fromText: true }).ok).toBe(false);
  });

  it('checks only the given keys in partial mode and returns null to clear', () => {
    expect(validateCustomFields(defs, { notes: null }, { partial: true })).toEqual({ ok: true, value: { notes: null } });
    expect(validateCustomFields(defs, { tenure: null }, { partial: true }).ok).toBe(false);
  });

  it('refuses values that are not an object', () => {
    for (const v of [[], 'x', 3, true]) expect(validateCustomFields(defs, v).ok).toBe(false);
  });

  it('knows real dates', () => {
    expect(['2024-02-29', '2000-12-31'].every(isRealDate)).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-1-01', '2024-04-31', '20240401'].some(isRealDate)).toBe(false);
  });

  it('never throws and only returns values that validate again', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('notes', 'children', 'first_met', 'tenure', 'issues', 'other'), fc.anything()), fc.boolean(), (values, fromText) => {
        const r = validateCustomFields(defs, values, { fromText });
        if (r.ok) expect(validateCustomFields(defs, r.value)).toEqual(r);
      }),
    );
  });
});

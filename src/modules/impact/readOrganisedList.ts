import { parse } from 'csv-parse/sync';
import { validationFailed } from '../../server/errors.ts';

const CODE = /^[ENSW]\d{8}$/;
const CODE_COLUMNS = ['ons id', 'ons code', 'ons_code', 'code', 'pcon_code', 'constituency code', 'constituency_code', 'pcon24cd', 'pcon10cd'];

/**
 * Reads a list of organised seats: a CSV with a column of ONS codes ("ONS ID", "code", …) or a
 * plain list, one code a line (lines starting with # are comments). Every line must hold a code.
 */
export function readOrganisedList(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim() && !l.trim().startsWith('#'))?.trim() ?? '';
  const problems: { path: string; message: string }[] = [];
  const codes: string[] = [];
  if (firstLine.includes(',') || CODE_COLUMNS.includes(firstLine.toLowerCase())) {
    let records: Record<string, string>[];
    try {
      records = parse(content, { bom: true, columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, comment: '#', trim: true }) as Record<string, string>[];
    } catch (e) {
      throw validationFailed(`The list of organised seats is not readable CSV: ${(e as Error).message}`);
    }
    const column = CODE_COLUMNS.find((c) => records.length === 0 || c in records[0]!);
    if (!column) throw validationFailed(`The list of organised seats needs a column of ONS codes named one of: ${CODE_COLUMNS.join(', ')}.`);
    records.forEach((r, i) => {
      const v = (r[column] ?? '').toUpperCase();
      if (CODE.test(v)) codes.push(v);
      else problems.push({ path: `row ${i + 1}`, message: `"${r[column]}" is not an ONS constituency code.` });
    });
  } else {
    lines.forEach((l, i) => {
      const v = l.trim().toUpperCase();
      if (!v || v.startsWith('#')) return;
      if (CODE.test(v)) codes.push(v);
      else problems.push({ path: `line ${i + 1}`, message: `"${l.trim()}" is not an ONS constituency code.` });
    });
  }
  if (problems.length > 0) throw validationFailed('The list of organised seats has lines that are not ONS constituency codes.', problems.slice(0, 200));
  if (codes.length === 0) throw validationFailed('The list of organised seats is empty.');
  return [...new Set(codes)];
}

import { validationFailed } from '../../server/errors.ts';

/** Wider files are refused: NationBuilder's full export has a few hundred columns, not thousands. */
export const MAX_COLUMNS = 500;
const MAX_NAME = 200;

/**
 * Column names from a header row, made usable as mapping keys: trimmed, a blank header
 * becomes "Column 7", and a repeated one gets " (2)", " (3)"… in file order.
 */
export function columnNames(header: string[]): string[] {
  if (header.length > MAX_COLUMNS) {
    const message = `The file has ${header.length} columns; at most ${MAX_COLUMNS} can be imported. Remove the columns you do not need and try again.`;
    throw validationFailed(message, [{ path: 'file', message }]);
  }
  const used = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.trim().slice(0, MAX_NAME) || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

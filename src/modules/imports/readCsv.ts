import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { validationFailed } from '../../server/errors.ts';
import { columnNames } from './columnNames.ts';
import { decodeText } from './decodeText.ts';

/** A data row: `row` is its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  cells: string[];
}
/** A row the parser could not read. */
export interface CsvRowProblem {
  row: number;
  problem: string;
}
export type CsvItem = CsvRow | CsvRowProblem;

export interface OpenCsv {
  /** Column names, made unique. */
  columns: string[];
  delimiter: string;
  /** Non-blank data rows in file order; blank rows are skipped but still numbered. */
  rows: AsyncGenerator<CsvItem>;
  /** Stops reading (for callers that want only the first rows). */
  close(): void;
}

/** A single row longer than this is a broken file (usually a quote left open), not data. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const fileError = (message: string) => validationFailed(message, [{ path: 'file', message }]);

/** Comma unless the header line clearly uses semicolons or tabs (as some spreadsheets save). */
export function detectDelimiter(sample: string): string {
  const firstLine = sample.split(/\r?\n|\r/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Opens a CSV file for reading row by row with flat memory: checks the encoding, finds the
 * delimiter and the header row, and yields the rows after it. Quoted fields, CRLF and ragged
 * rows are accepted (the caller reports ragged rows); stray quotes inside fields are kept as
 * text. An empty file, a header of too many columns, or a row longer than 16 MB are 422s.
 */
export async function openCsv(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<OpenCsv> {
  const text = decodeText(source);
  const first = await text.next();
  if (first.done) throw fileError('The file is empty.');
  const delimiter = detectDelimiter(first.value.slice(0, 64 * 1024));
  const problems: { afterRecords: number; problem: string }[] = [];
  let fatal: Error | null = null;
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return undefined;
      const records = Number((err as unknown as { records?: number }).records ?? 0);
      if (err.code === 'CSV_MAX_RECORD_SIZE') fatal = fileError(`Row ${records + 1} is longer than 16 MB; a quote may have been left open.`);
      else if (err.code === 'CSV_QUOTE_NOT_CLOSED') problems.push({ afterRecords: records, problem: 'A quoted value is never closed, so the rest of the file could not be read.' });
      else problems.push({ afterRecords: records, problem: `This row could not be read: ${err.message}` });
      return undefined;
    },
  });
  async function* all() {
    yield first.value;
    yield* text;
  }
  // A decoding error surfaces from the source; pass it on to whoever is reading rows.
  const input = Readable.from(all(), { objectMode: false });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  let recordIndex = 0;
  let header: string[] | null = null;
  while (header === null) {
    const next = await records.next();
    if (fatal) throw fatal;
    if (next.done) throw fileError('The file has no header row.');
    recordIndex++;
    if (!isBlank(next.value)) header = next.value;
  }
  const columns = columnNames(header);

  async function* rows(): AsyncGenerator<CsvItem> {
    const takeProblems = function* (upTo: number) {
      while (problems.length > 0 && problems[0]!.afterRecords <= upTo) {
        const p = problems.shift()!;
        yield { row: p.afterRecords + 1, problem: p.problem };
      }
    };
    try {
      for (;;) {
        const next = await records.next();
        if (fatal) throw fatal;
        if (next.done) break;
        recordIndex++;
        yield* takeProblems(recordIndex - 1);
        if (!isBlank(next.value)) yield { row: recordIndex, cells: next.value };
      }
      yield* takeProblems(Number.MAX_SAFE_INTEGER);
    } finally {
      close();
    }
  }
  const close = () => {
    parser.destroy();
    input.destroy();
  };
  return { columns, delimiter, rows: rows(), close };
}

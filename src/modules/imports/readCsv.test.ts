import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { columnNames } from './columnNames.ts';
import { textChunks } from './decodeText.ts';
import { openCsv, type CsvItem } from './readCsv.ts';

async function read(source: (string | Uint8Array)[]) {
  const csv = await openCsv(source);
  const rows: CsvItem[] = [];
  for await (const r of csv.rows) rows.push(r);
  return { columns: csv.columns, delimiter: csv.delimiter, rows };
}

const refusal = async (source: (string | Uint8Array)[]) => {
  try {
    await read(source);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).message;
  }
  throw new Error('expected the file to be refused');
};

describe('reading CSV files', () => {
  it('accepts a BOM, CRLF, quoted fields with commas, quotes and line breaks', async () => {
    const { columns, rows } = await read([Buffer.from('\uFEFFName,Note\r\n"Smith, Ann","She said ""hi""\r\nthen left"\r\nBob,plain\r\n')]);
    expect(columns).toEqual(['Name', 'Note']);
    expect(rows).toEqual([
      { row: 2, cells: ['Smith, Ann', 'She said "hi"\r\nthen left'] },
      { row: 3, cells: ['Bob', 'plain'] },
    ]);
  });

  it('numbers rows as a spreadsheet does, skipping blank ones', async () => {
    const { rows } = await read(['\n\nA,B\n1,2\n\n,\n3,4\n']);
    expect(rows).toEqual([{ row: 4, cells: ['1', '2'] }, { row: 7, cells: ['3', '4'] }]);
  });

  it('keeps ragged rows for the caller to report', async () => {
    const { rows } = await read(['A,B\n1\n1,2,3\n']);
    expect(rows).toEqual([{ row: 2, cells: ['1'] }, { row: 3, cells: ['1', '2', '3'] }]);
  });

  it('reports a quote left open as a problem of that row, after the rows before it', async () => {
    const { rows } = await read(['A,B\n1,2\n3,"open\n4,5\n']);
    expect(rows).toEqual([{ row: 2, cells: ['1', '2'] }, { row: 3, problem: expect.stringContaining('never closed') }]);
  });

  it('keeps stray quotes inside unquoted fields as text', async () => {
    const { rows } = await read(['A,B\nab"c,"x"y\n']);
    expect(rows).toEqual([{ row: 2, cells: ['ab"c', '"x"y'] }]);
  });

  it('finds semicolon and tab delimiters from the header', async () => {
    expect((await read(['First name;Email\nAnn;a@example.org\n'])).rows).toEqual([{ row: 2, cells: ['Ann', 'a@example.org'] }]);
    expect((await read(['First name\tEmail\nAnn\ta@example.org\n'])).delimiter).toBe('\t');
    expect((await read(['"A;B",C\n1,2\n'])).delimiter).toBe(',');
  });

  it('decodes characters split across chunks and surrogate pairs at chunk edges', async () => {
    const bytes = Buffer.from('Name\nZoë 👩🏽‍🔧 Ōtsuka\n');
    const pieces = [...bytes].map((b) => Uint8Array.of(b));
    expect((await read(pieces)).rows).toEqual([{ row: 2, cells: ['Zoë 👩🏽‍🔧 Ōtsuka'] }]);
    const text = `Name\n${'😀'.repeat(50)}\n`;
    expect((await read([...textChunks(text, 7)])).rows).toEqual([{ row: 2, cells: ['😀'.repeat(50)] }]);
  });

  it('refuses UTF-16, NUL bytes, invalid UTF-8 and empty files with clear messages', async () => {
    expect(await refusal([Buffer.from([0xff, 0xfe, 0x41, 0x00])])).toContain('UTF-16');
    expect(await refusal([Buffer.from([0xfe, 0xff, 0x00, 0x41])])).toContain('UTF-16');
    expect(await refusal([Buffer.from('A\n\u0000B\n')])).toContain('UTF-16');
    expect(await refusal([Buffer.from('Name\nCaf\xe9\n', 'latin1')])).toContain('not UTF-8');
    expect(await refusal([Buffer.from('A\n'), Buffer.from([0xc3])])).toContain('not UTF-8');
    expect(await refusal([''])).toBe('The file is empty.');
    expect(await refusal(['\n\n'])).toBe('The file has no header row.');
  });

  it('reads 200 columns and refuses more than 500', async () => {
    const header = Array.from({ length: 200 }, (_, i) => `c${i}`).join(',');
    expect((await read([`${header}\n${'x,'.repeat(199)}x\n`])).rows[0]).toMatchObject({ row: 2 });
    expect(await refusal([`${Array.from({ length: 501 }, (_, i) => `c${i}`).join(',')}\n`])).toContain('at most 500');
  });

  it('reads a 10 MB field without trouble', async () => {
    const big = 'y'.repeat(10 * 1024 * 1024);
    const { rows } = await read([...textChunks(`A,B\n"${big}",2\n3,4\n`)]);
    expect(rows.map((r) => ('cells' in r ? r.cells[0]!.length : -1))).toEqual([big.length, 1]);
  });

  it('names blank and repeated headers uniquely', () => {
    expect(columnNames(['Email', ' ', 'email', 'Email (2)', 'Phone'])).toEqual(['Email', 'Column 2', 'email (2)', 'Email (2) (2)', 'Phone']);
  });
});

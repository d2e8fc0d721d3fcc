import { validationFailed } from '../../server/errors.ts';

const fileError = (message: string) => validationFailed(message, [{ path: 'file', message }]);

/** Thrown for files that are not UTF-8 text; a 422 with a message people can act on. */
export const notUtf8 = () =>
  fileError('The file is not UTF-8 text. In a spreadsheet, save it as "CSV UTF-8 (comma delimited)" and upload it again.');

const utf16 = () =>
  fileError('The file is UTF-16 text, not UTF-8. In a spreadsheet, save it as "CSV UTF-8 (comma delimited)" and upload it again.');

/**
 * Turns the bytes of an uploaded file into text, refusing what is not UTF-8: a UTF-16 byte
 * order mark or NUL bytes (UTF-16 without a mark, or not text at all) and invalid UTF-8
 * sequences (usually Windows-1252 from an older spreadsheet). A UTF-8 byte order mark is
 * dropped. Strings pass through: they were checked when they were stored.
 */
export async function* decodeText(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      if (chunk.length > 0) yield chunk;
      continue;
    }
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) throw utf16();
    if (chunk.length > 0) first = false;
    if (chunk.includes(0)) throw utf16();
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8();
    }
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw notUtf8();
  }
  if (rest.length > 0) yield rest;
}

/** Splits stored text into pieces so the parser works through it a little at a time. */
export function* textChunks(text: string, size = 64 * 1024): Generator<string> {
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    // Never split a surrogate pair: half a character would not survive the parser's byte conversion.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(i, end);
    i = end;
  }
}

/** Ends a command with one clear line on stderr and a non-zero exit. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`tredegar: ${message}\n`);
  process.exit(code);
}

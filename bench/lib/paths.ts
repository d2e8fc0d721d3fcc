import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The project folder (bench/lib/../..). */
export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The shipped ONS / House of Commons Library files, as the server finds them. */
export function electionsDir(): string {
  return resolve(projectRoot, process.env.TREDEGAR_SHARED_DIR ?? '../shared', 'data', 'elections');
}

/** Where benchmarks write their outputs (committed results and EXPLAIN plans). */
export const resultsDir = join(projectRoot, 'bench', 'results');

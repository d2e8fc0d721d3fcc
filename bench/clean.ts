// Drops the benchmark databases (tredegar_bench, tredegar_bench_import, tredegar_bench_conv) and temporary files.
//   npx tsx bench/clean.ts
import { rmSync } from 'node:fs';
import { benchDatabaseUrl, dropBenchDatabase } from './lib/benchDatabase.ts';

await dropBenchDatabase();
await dropBenchDatabase(benchDatabaseUrl('import'));
await dropBenchDatabase(benchDatabaseUrl('conv'));
for (const dir of ['/tmp/tredegar-bench', '/tmp/tredegar-bench-memory']) rmSync(dir, { recursive: true, force: true });
process.stdout.write('Dropped tredegar_bench, tredegar_bench_import and tredegar_bench_conv.\n');

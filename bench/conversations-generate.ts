// Generates the conversation benchmark database (tredegar_bench_conv).
//   npx tsx bench/conversations-generate.ts [--people 1000000] [--conversations 5000000] [--seed 2026] [--fresh]
// Reuses the database when it already holds the same generation unless --fresh.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { convBench } from './conversations-data.ts';
import { resultsDir } from './lib/paths.ts';
import { machine } from './lib/stats.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' }, conversations: { type: 'string', default: '5000000' }, seed: { type: 'string', default: '2026' }, fresh: { type: 'boolean', default: false } } });
const bench = await convBench(Number(values.people), Number(values.conversations), Number(values.seed), values.fresh);
const [{ version }] = (await bench.database.query<{ version: string }>('select version()')) as [{ version: string }];
const sizes = await bench.database.query<{ table: string; size: string }>(`select relname as table, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
  where relname in ('people', 'conversations', 'conversation_people', 'conversation_organisers', 'conversation_issues', 'commitments', 'relationships') order by relname`);
const out = { machine: machine(version), meta: bench.meta, sizes };
writeFileSync(join(resultsDir, `conversations-generate-${bench.meta.conversations}.json`), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
await bench.database.close();

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { liveLevels } from './levels.ts';
import { lockPeople, recomputeLadderSet } from './recomputeLadder.ts';

export interface FullRecomputeResult {
  people: number;
  batches: number;
  written: number;
  moved: number;
  seconds: number;
}

/**
 * Recomputes everyone in an organisation (after its rules change, and daily so that windows
 * such as "in the last 90 days" let people age out): people in id ranges of `batchSize`, one
 * transaction and one set-based statement per batch, so a crash loses at most one batch and a
 * re-run finishes the job.
 */
export async function recomputeOrganisation(db: Db, orgId: string, opts: { batchSize?: number; asOf?: Date; onProgress?: (done: number, total: number) => void } = {}): Promise<FullRecomputeResult> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 50_000;
  const levels = await liveLevels(db, orgId);
  // Batch boundaries: every batchSize-th id, in one pass over the primary key.
  const bounds = await execute<{ id: string; total: number }>(db, sql`
    select id, total::int from (
      select id, row_number() over (order by id) as rn, count(*) over () as total from people where org_id = ${orgId} and deleted_at is null
    ) s where (rn - 1) % ${batchSize}::int = 0 order by id`);
  const total = bounds[0]?.total ?? 0;
  let written = 0;
  let moved = 0;
  opts.onProgress?.(0, total);
  for (let i = 0; i < bounds.length; i++) {
    const set = { from: bounds[i]!.id, to: bounds[i + 1]?.id ?? null };
    const r = await db.transaction(async (tx) => {
      await lockPeople(tx, orgId, set);
      return recomputeLadderSet(tx, orgId, levels, set, opts.asOf);
    });
    written += r.written;
    moved += r.moved;
    opts.onProgress?.(Math.min(total, (i + 1) * batchSize), total);
  }
  return { people: total, batches: bounds.length, written, moved, seconds: (performance.now() - t0) / 1000 };
}

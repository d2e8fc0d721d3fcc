import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { SYSTEM_CHAIN } from './schema.ts';

/** The hash an empty chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainProblemKind = 'altered' | 'removed' | 'inserted';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** Position in the chain (1 = the first entry) where the chain stops being intact. */
  position: number;
  /** The entry at fault, or null for an entry that is missing. */
  id: string | null;
  message: string;
}

export interface ChainReport {
  chainKey: string;
  /** Entries read in order that are intact. */
  verified: number;
  /** The last intact entry: "verified up to" this one. */
  verifiedUpTo: { position: number; id: string; createdAt: string } | null;
  /** The chain's head as recorded: keep its hash somewhere else to detect a rewritten log. */
  head: { position: number; hash: string } | null;
  problem: ChainProblem | null;
}

interface Row {
  id: string;
  seq: number | string;
  prev_hash: string;
  hash: string;
  expected: string;
  misfiled: boolean;
  created_at: Date | string;
}

const DEFAULT_PAGE = 1000;

/**
 * Walks one chain in position order, a page at a time (memory stays bounded whatever its
 * length), inside one read-only snapshot so that entries appended meanwhile do not count as
 * tampering. Reports the first entry whose content no longer matches its hash (altered), the
 * first gap in positions (removed), an entry at a position already taken or not linked to the
 * entry before it (inserted), and entries cut from the end (the head says there were more).
 */
export async function verifyAuditChain(db: Db, chainKey: string, pageSize = DEFAULT_PAGE): Promise<ChainReport> {
  return db.transaction(
    async (tx) => {
      const [headRow] = await execute<{ seq: number | string; hash: string }>(tx, sql`select seq, hash from audit_chain_heads where chain_key = ${chainKey}`);
      const head = headRow ? { position: Number(headRow.seq), hash: headRow.hash } : null;
      const report: ChainReport = { chainKey, verified: 0, verifiedUpTo: null, head, problem: null };
      let lastSeq = 0;
      let lastHash = GENESIS_HASH;
      let beforeLastHash: string | null = null;
      let lastId: string | null = null;
      let after: [number, string] | null = null;
      let upToBefore: ChainReport['verifiedUpTo'] = null;
      const fail = (kind: ChainProblemKind, position: number, id: string | null, message: string) => {
        report.problem = { kind, position, id, message };
        // Verification reaches only the position before the problem: an entry already counted at the
        // problem's position (an impostor, or the genuine entry an impostor shares it with) is taken
        // back, so the report does not depend on which of two entries at one position was read first.
        if (lastId !== null && position === lastSeq) {
          report.verified -= 1;
          report.verifiedUpTo = upToBefore;
        }
        return report;
      };
      for (;;) {
        const rows: Row[] = await execute<Row>(
          tx,
          sql`select id, seq, prev_hash, hash, created_at,
                audit_entry_hash(prev_hash, seq, id, org_id, unit_id, actor_account_id, action, entity_type, entity_id, changes, request_id, created_at) as expected,
                coalesce(org_id, ${SYSTEM_CHAIN}::uuid) <> chain_key as misfiled
              from audit_events
              where chain_key = ${chainKey} ${after ? sql`and (seq, id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
              order by seq, id
              limit ${pageSize}`,
        );
        for (const row of rows) {
          const seq = Number(row.seq);
          if (seq <= lastSeq) {
            // Two entries at one position: the impostor is the one the next entry (or the head) is not chained to.
            const [next] = await execute<{ prev_hash: string }>(tx, sql`select prev_hash from audit_events where chain_key = ${chainKey} and seq = ${seq + 1} limit 1`);
            const successor = next?.prev_hash ?? head?.hash;
            const impostor = successor === row.hash ? lastId! : row.id;
            return fail('inserted', seq, impostor, `entry ${impostor} was put at position ${seq}, which another entry holds`);
          }
          if (seq > lastSeq + 1) {
            const missing = seq - lastSeq - 1;
            return fail('removed', lastSeq + 1, null, `${missing === 1 ? `the entry at position ${lastSeq + 1} is` : `${missing} entries from position ${lastSeq + 1} are`} missing (before entry ${row.id})`);
          }
          if (lastId && row.prev_hash !== lastHash && row.prev_hash === beforeLastHash) {
            // Chained to the entry two back: the one in between was slipped in (and later positions renumbered).
            return fail('inserted', lastSeq, lastId, `entry ${lastId} at position ${lastSeq} was slipped in between entries chained to each other`);
          }
          if (row.hash !== row.expected || row.misfiled) {
            return fail('altered', seq, row.id, `entry ${row.id} at position ${seq} no longer matches its hash`);
          }
          if (row.prev_hash !== lastHash) {
            // The entry is intact but was chained to something other than what now precedes it.
            return lastId
              ? fail('inserted', lastSeq, lastId, `entry ${lastId} at position ${lastSeq} is not the entry that position ${seq} was chained to`)
              : fail('removed', 1, null, `the chain's first entry ${row.id} follows entries that are missing`);
          }
          lastSeq = seq;
          beforeLastHash = lastHash;
          lastHash = row.hash;
          lastId = row.id;
          report.verified += 1;
          upToBefore = report.verifiedUpTo;
          report.verifiedUpTo = { position: seq, id: row.id, createdAt: new Date(row.created_at).toISOString() };
        }
        if (rows.length < pageSize) break;
        const last: Row = rows[rows.length - 1]!;
        after = [Number(last.seq), last.id];
      }
      if (!head) {
        return lastSeq === 0 ? report : fail('removed', lastSeq + 1, null, 'the chain has entries but its head record is missing');
      }
      if (head.position > lastSeq) {
        return fail('removed', lastSeq + 1, null, `${head.position - lastSeq} entries from position ${lastSeq + 1} to the end are missing`);
      }
      if (head.position < lastSeq || head.hash !== lastHash) {
        return fail('inserted', lastSeq, lastId, `entry ${lastId} at position ${lastSeq} is not the entry the chain's head records`);
      }
      return report;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Every chain there is or should be: one per organisation, the system chain, and any with a head. */
export async function auditChainKeys(db: Db): Promise<string[]> {
  const rows = await execute<{ chain_key: string }>(
    db,
    sql`select id as chain_key from organisations
        union select chain_key from audit_chain_heads
        union select ${SYSTEM_CHAIN}::uuid
        order by 1`,
  );
  return rows.map((r) => r.chain_key);
}

import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { LadderRule } from './rules.ts';
import { ladderLevels } from './schema.ts';

export interface LadderLevel {
  id: string;
  orgId: string;
  position: number;
  key: string;
  label: string;
  description: string | null;
  nextStep: string;
  rule: LadderRule;
}

/** An organisation's live levels, lowest first. */
export async function liveLevels(db: Db, orgId: string): Promise<LadderLevel[]> {
  return db
    .select({ id: ladderLevels.id, orgId: ladderLevels.orgId, position: ladderLevels.position, key: ladderLevels.key, label: ladderLevels.label, description: ladderLevels.description, nextStep: ladderLevels.nextStep, rule: ladderLevels.rule })
    .from(ladderLevels)
    .where(and(eq(ladderLevels.orgId, orgId), isNull(ladderLevels.archivedAt)))
    .orderBy(asc(ladderLevels.position));
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { assertAreasExist } from '../areas/queries.ts';
import { unitAreas, units, type UnitKind } from './schema.ts';

export interface CreateUnitInput {
  parentId: string;
  kind: UnitKind;
  code: string;
  name: string;
  areaCodes?: string[];
}

/** Adds a unit under a parent, with its path and the areas it covers. */
export async function createUnit(db: Db, input: CreateUnitInput) {
  return db.transaction(async (tx) => {
    const [parent] = await tx.select().from(units).where(eq(units.id, input.parentId));
    if (!parent) throw notFound('Parent unit');
    const [clash] = await tx.select({ id: units.id }).from(units).where(and(eq(units.orgId, parent.orgId), eq(units.code, input.code)));
    if (clash) throw conflict(`A unit with code "${input.code}" already exists.`);
    const codes = [...new Set(input.areaCodes ?? [])];
    await assertAreasExist(tx, codes);
    const id = crypto.randomUUID();
    const [unit] = await tx
      .insert(units)
      .values({ id, orgId: parent.orgId, parentId: parent.id, kind: input.kind, code: input.code, name: input.name, path: `${parent.path}${id}/` })
      .returning();
    if (codes.length > 0) await tx.insert(unitAreas).values(codes.map((areaCode) => ({ unitId: id, areaCode })));
    return unit!;
  });
}

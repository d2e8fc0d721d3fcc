import type { Db } from '../../db/connection.ts';
import { organisations, units } from './schema.ts';

/** Creates an organisation with its national root unit. */
export async function createOrganisation(db: Db, input: { name: string; slug: string; rootCode?: string; isDemo?: boolean }) {
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organisations).values({ name: input.name, slug: input.slug, isDemo: input.isDemo ?? false }).returning();
    const id = crypto.randomUUID();
    const [root] = await tx
      .insert(units)
      .values({ id, orgId: org!.id, parentId: null, kind: 'national', code: input.rootCode ?? input.slug, name: input.name, path: `/${id}/` })
      .returning();
    return { org: org!, root: root! };
  });
}

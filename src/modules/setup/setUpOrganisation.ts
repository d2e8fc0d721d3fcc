import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { systemActor } from '../accounts/systemActor.ts';
import { seedTaxonomy } from '../issues/defaultTaxonomy.ts';
import { configureLevels } from '../ladder/configureLevels.ts';
import { DEFAULT_LADDER } from '../ladder/defaultLadder.ts';
import { seedScales } from '../scales/defaultScales.ts';
import { createOrganisation } from '../units/createOrganisation.ts';
import { organisations, units } from '../units/schema.ts';

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/**
 * A new organisation ready to organise with: its national root unit, the default issue taxonomy,
 * the default assessment scales and the default ladder of engagement, all in one transaction.
 * Each default can be changed afterwards by the organisation's admins.
 */
export async function setUpOrganisation(db: Db, input: { name: string; slug: string; rootCode?: string }) {
  const name = input.name.trim();
  const errors = [
    ...(name.length === 0 || name.length > 200 ? [{ path: 'name', message: 'Give a name of 1 to 200 characters.' }] : []),
    ...(SLUG.test(input.slug) ? [] : [{ path: 'slug', message: 'Use 1 to 50 lower-case letters, digits and hyphens, not starting or ending with a hyphen.' }]),
  ];
  if (errors.length > 0) throw validationFailed('The organisation is not valid.', errors);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug)).limit(1);
    if (taken) throw conflict(`An organisation with the short name "${input.slug}" already exists.`);
    const code = input.rootCode ?? input.slug;
    const [codeTaken] = await tx.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
    if (codeTaken) throw conflict(`A unit with the code "${code}" already exists.`);
    const made = await createOrganisation(tx, { name, slug: input.slug, rootCode: code });
    await seedTaxonomy(tx, made.org.id);
    await seedScales(tx, made.org.id);
    await configureLevels(tx, systemActor(made.root), made.org.id, DEFAULT_LADDER);
    return made;
  });
}

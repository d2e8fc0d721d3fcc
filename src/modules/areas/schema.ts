import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const areaKinds = ['country', 'nation', 'region', 'constituency', 'local_authority', 'ward'] as const;
export type AreaKind = (typeof areaKinds)[number];

/**
 * Real geography keyed by ONS code. Constituencies carry the boundary sets they belong to
 * ("2010" for the 2010–2023 boundaries, "2024" for the current ones): the sets are not
 * comparable, and the few seats whose boundaries did not change keep one code in both.
 */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    kind: text('kind', { enum: areaKinds }).notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    boundarySets: text('boundary_sets').array().notNull().default([]),
    localAuthorityCode: text('local_authority_code'),
  },
  (t) => [index('areas_parent_idx').on(t.parentCode), index('areas_kind_idx').on(t.kind, t.name)],
);

/** Optional postcode → ward lookup (loaded from the ONS Postcode Directory when available). */
export const postcodes = pgTable('postcodes', {
  postcode: text('postcode').primaryKey(),
  wardCode: text('ward_code').notNull(),
  constituencyCode: text('constituency_code'),
});

/** Wards that straddle constituencies belong to each of them; `areas.parent_code` holds the first. */
export const wardConstituencies = pgTable(
  'ward_constituencies',
  {
    wardCode: text('ward_code').notNull(),
    constituencyCode: text('constituency_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.wardCode, t.constituencyCode] }), index('ward_constituencies_pcon_idx').on(t.constituencyCode)],
);

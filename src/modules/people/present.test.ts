import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import type { Db } from '../../db/connection.ts';
import { presentPeople, presentPeopleInFull } from './present.ts';
import { people } from './schema.ts';
import { buildPeopleWorld, geo, type PeopleWorld } from './testing/peopleWorld.ts';

// Counts the statements a presenter sends, on the real database.
function counting(db: Db) {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (prop === 'execute' && typeof v === 'function') return (...args: unknown[]) => { n += 1; return v.apply(target, args); };
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { db: proxy as Db, count: () => n };
}

describe.each(testDatabaseKinds)('presenting people on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    ids = [];
    for (let i = 0; i < 30; i++) ids.push((await buildPerson(t.ctx.db, i % 2 ? w.b1 : w.b2, { wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral })).id);
  });
  afterAll(() => t.close());

  it('uses the same number of queries for one person as for thirty', async () => {
    const rows = await t.ctx.db.select().from(people).where(inArray(people.id, ids));
    expect(rows).toHaveLength(30);
    for (const present of [presentPeople, presentPeopleInFull]) {
      const one = counting(t.ctx.db);
      await present(one.db, rows.slice(0, 1));
      const many = counting(t.ctx.db);
      const out = await present(many.db, rows);
      expect(many.count()).toBe(one.count());
      expect(many.count()).toBeLessThanOrEqual(4);
      expect(out.every((p) => p.ward?.name === 'Armthorpe' && p.primaryEmail && p.primaryPhone && p.unit.name)).toBe(true);
    }
  });
});

describe('list rate limit', () => {
  it('answers 429 in the error shape once the per-minute budget is spent', async () => {
    const t = await createTestApp('pglite', { RATE_LIMIT_MULTIPLIER: '0.01' });
    try {
      const w = await buildPeopleWorld(t);
      for (const url of ['/api/people', '/api/people/count']) {
        const replies = [];
        for (let i = 0; i < 4; i++) replies.push(await t.request({ method: 'GET', url, token: w.tokens.organiser }));
        expect(replies.map((r) => r.statusCode), url).toEqual([200, 200, 200, 429]);
        expect(replies[3]!.json().error.code).toBe('rate_limited');
      }
    } finally {
      await t.close();
    }
  });
});

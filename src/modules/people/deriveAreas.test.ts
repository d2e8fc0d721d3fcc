import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { deriveAreasBatch } from './deriveAreas.ts';
import { geo, plantGeography } from './testing/peopleWorld.ts';

describe.each(testDatabaseKinds)('deriving areas on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await plantGeography(t);
  });
  afterAll(() => t.close());

  it('checks, derives and reports per row, in one batch', async () => {
    const rows = await deriveAreasBatch(t.ctx.db, [
      { postcode: 'dn3 3aa' },
      { postcode: 'DN5 0AA' },
      { postcode: 'BT61 8AA' },
      { postcode: 'ZZ1 1ZZ' },
      { wardCode: geo.bessacarr },
      { wardCode: geo.loughgall },
      { wardCode: geo.loughgall, constituencyCode: geo.midUlster },
      { wardCode: geo.armthorpe, constituencyCode: geo.doncasterNorth },
      { wardCode: 'E05999999' },
      { constituencyCode: geo.armthorpe },
      { wardCode: geo.doncasterCentral },
      { postcode: 'DN3 3AA', wardCode: geo.bentley },
      {},
    ]);
    const none = { errors: [] };
    expect(rows).toEqual([
      { wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral, ...none },
      { wardCode: geo.bentley, constituencyCode: geo.doncasterNorth, ...none },
      { wardCode: geo.loughgall, constituencyCode: geo.upperBann, ...none },
      { wardCode: null, constituencyCode: null, ...none },
      { wardCode: geo.bessacarr, constituencyCode: geo.doncasterCentral, ...none },
      { wardCode: geo.loughgall, constituencyCode: null, ...none },
      { wardCode: geo.loughgall, constituencyCode: geo.midUlster, ...none },
      { wardCode: geo.armthorpe, constituencyCode: geo.doncasterNorth, errors: [{ path: 'constituencyCode', message: expect.stringContaining('does not contain') }] },
      { wardCode: null, constituencyCode: null, errors: [{ path: 'wardCode', message: 'Unknown ward E05999999.' }] },
      { wardCode: null, constituencyCode: null, errors: [{ path: 'constituencyCode', message: `Unknown constituency ${geo.armthorpe}.` }] },
      { wardCode: null, constituencyCode: null, errors: [{ path: 'wardCode', message: `Unknown ward ${geo.doncasterCentral}.` }] },
      { wardCode: geo.bentley, constituencyCode: geo.doncasterNorth, ...none },
      { wardCode: null, constituencyCode: null, ...none },
    ]);
  });

  it('answers an empty batch without a query', async () => {
    expect(await deriveAreasBatch(t.ctx.db, [])).toEqual([]);
  });
});

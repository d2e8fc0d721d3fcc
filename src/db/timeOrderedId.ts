import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 1024);
let used = pool.length;

/**
 * A version 7 UUID: the first 48 bits are the time in milliseconds, the rest random. Rows
 * created together get neighbouring keys, so a bulk insert adds to the right-hand edge of
 * the primary-key index (and of every index that leads with this id) instead of touching a
 * random page of it for each row. The creation time it reveals is the record's created_at.
 */
export function timeOrderedId(now = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

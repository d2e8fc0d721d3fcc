import { Readable } from 'node:stream';

/**
 * CSV chunks as a stream for `reply.send`. The routes document their 200 body as a string;
 * Fastify sends a stream as it is, without the serializer, so it is typed as that string.
 */
export function csvStream(chunks: AsyncIterable<string>): string {
  return Readable.from(chunks) as unknown as string;
}

import { expect } from 'vitest';
import type { TestApp } from '../../../../test/harness.ts';

/** HTTP helpers for import tests: upload, preview, start and wait for a job. */
export function importClient(t: TestApp, defaults: { token: string; unitId: string }) {
  const upload = (body: string | Buffer, opts: { unitId?: string; token?: string; fileName?: string; contentType?: string } = {}) =>
    t.request({
      method: 'POST',
      url: `/api/imports?unit=${opts.unitId ?? defaults.unitId}&fileName=${encodeURIComponent(opts.fileName ?? 'people.csv')}`,
      token: opts.token ?? defaults.token,
      headers: { 'content-type': opts.contentType ?? 'text/csv' },
      payload: body,
    });
  const preview = (id: string, mapping: Record<string, string>, rows = 20, token = defaults.token) =>
    t.request({ method: 'POST', url: `/api/imports/${id}/preview`, token, payload: { mapping, rows } });
  const start = (id: string, mapping: Record<string, string>, token = defaults.token) =>
    t.request({ method: 'POST', url: `/api/imports/${id}/start`, token, payload: { mapping } });
  const job = async (id: string, token = defaults.token) => (await t.request({ method: 'GET', url: `/api/imports/${id}`, token })).json();

  /** Polls the job until it is no longer running. */
  const settle = async (id: string, token = defaults.token) => {
    for (let i = 0; i < 600; i++) {
      const j = await job(id, token);
      if (j.status !== 'running') return j;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id} did not finish`);
  };

  /** Uploads, starts with the guessed mapping (or `mapping`), and waits for the end. */
  const importCsv = async (body: string | Buffer, opts: { mapping?: Record<string, string>; unitId?: string; token?: string } = {}) => {
    const up = await upload(body, opts);
    expect(up.statusCode, up.body).toBe(201);
    const started = await start(up.json().id, opts.mapping ?? up.json().mapping, opts.token);
    expect(started.statusCode, started.body).toBe(202);
    return settle(up.json().id, opts.token);
  };

  return { upload, preview, start, job, settle, importCsv };
}

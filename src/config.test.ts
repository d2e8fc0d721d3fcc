import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a first run', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, TREDEGAR_DATA_DIR: './data', NODE_ENV: 'development', publicUrl: 'http://localhost:3000' });
  });

  it('refuses production without a session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).NODE_ENV).toBe('production');
  });

  it('lists every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url' })).toThrow(/PORT[\s\S]*PUBLIC_URL|PUBLIC_URL[\s\S]*PORT/);
  });

  it('trims a trailing slash from the public address', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://organise.example.org/' }).publicUrl).toBe('https://organise.example.org');
  });
});

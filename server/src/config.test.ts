import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to loopback, 8787 and ./.data', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', databaseUrl: undefined, trustProxy: false });
    expect(c.dataDir.endsWith('.data')).toBe(true);
    expect(c.publicUrl).toBe('http://127.0.0.1:8787');
  });

  it('reads the environment and refuses a bad port', () => {
    const c = readConfig({ PORT: '9000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://x/y', TRUST_PROXY: '1' });
    expect(c).toMatchObject({ port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://x/y', trustProxy: true });
    expect(c.publicUrl).toBe('http://127.0.0.1:9000');
    expect(() => readConfig({ PORT: 'http' })).toThrow(/PORT/);
  });

  it('gives requests in flight 10 s to finish on shutdown unless told otherwise, and refuses a bad grace', () => {
    expect(readConfig({}).shutdownGraceMs).toBe(10_000);
    expect(readConfig({ SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs).toBe(2500);
    expect(() => readConfig({ SHUTDOWN_GRACE_MS: 'soon' })).toThrow(/SHUTDOWN_GRACE_MS/);
    expect(() => readConfig({ SHUTDOWN_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_GRACE_MS/);
  });

  it('reads limits from the environment, keeps the defaults for the rest, and refuses a bad one', () => {
    expect(readConfig({}).limits).toEqual({});
    expect(
      readConfig({ LIMIT_MEMBER_NOTES: '50', LIMIT_WRITES_PER_MINUTE: '300', LIMIT_MEMBER_BYTES: '' }).limits,
    ).toEqual({ memberNotes: 50, writesPerMember: { burst: 300, perMinute: 300 } });
    expect(readConfig({ LIMIT_REQUESTS_PER_MINUTE: '90', LIMIT_NOTE_BYTES: '2048' }).limits).toEqual({
      perMember: { burst: 90, perMinute: 90 },
      maxNoteBytes: 2048,
    });
    for (const bad of ['0', '-3', '1.5', 'many']) {
      expect(() => readConfig({ LIMIT_MEMBER_NOTES: bad })).toThrow(/LIMIT_MEMBER_NOTES/);
    }
  });
});

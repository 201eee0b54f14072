import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_NOTE_BYTES } from '../../lib/sync/protocol';
import { readConfig } from './config';
import { DEFAULT_LIMITS, LIMIT_VARS } from './limits';

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
});

describe('limits from the environment', () => {
  it('keeps every default when nothing is set, and reads each variable into its limit', () => {
    expect(readConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(readConfig({}).maxBodyBytes).toBe(MAX_BODY_BYTES);
    const c = readConfig({
      RATE_MEMBER_BURST: '5',
      RATE_MEMBER_PER_MINUTE: '50',
      RATE_IP_BURST: '7',
      RATE_IP_PER_MINUTE: '70',
      RATE_JOIN_IP_BURST: '2',
      RATE_JOIN_IP_PER_MINUTE: '3',
      WRITES_MEMBER_BURST: '100',
      WRITES_MEMBER_PER_MINUTE: '200',
      MAX_NOTE_BYTES: '65536',
      PULL_PAGE_BYTES: '1048576',
      MEMBER_NOTES_QUOTA: '1000',
      MEMBER_BYTES_QUOTA: '10485760',
      TOMBSTONE_RETENTION_DAYS: '14',
      COMPACT_EVERY_MINUTES: '5',
      MAX_BODY_BYTES: '8388608',
    });
    expect(c.limits).toEqual({
      perMember: { burst: 5, perMinute: 50 },
      perIp: { burst: 7, perMinute: 70 },
      joinPerIp: { burst: 2, perMinute: 3 },
      writesPerMember: { burst: 100, perMinute: 200 },
      maxNoteBytes: 65536,
      pullPageBytes: 1048576,
      memberNotes: 1000,
      memberBytes: 10485760,
      tombstoneRetentionDays: 14,
      compactEveryMinutes: 5,
    });
    expect(c.maxBodyBytes).toBe(8388608);
    expect(DEFAULT_LIMITS.perMember).toEqual({ burst: 120, perMinute: 600 }); // the defaults were not touched
  });

  it('an empty variable counts as unset', () => {
    expect(readConfig({ MEMBER_NOTES_QUOTA: '' }).limits.memberNotes).toBe(DEFAULT_LIMITS.memberNotes);
  });

  it.each([
    ['RATE_MEMBER_BURST', 'ten', 'RATE_MEMBER_BURST must be a whole number written in digits, got "ten"'],
    ['RATE_IP_PER_MINUTE', '0', 'RATE_IP_PER_MINUTE must be at least 1, got "0"'],
    ['WRITES_MEMBER_BURST', '-5', 'WRITES_MEMBER_BURST must be a whole number written in digits, got "-5"'],
    ['MEMBER_NOTES_QUOTA', '1e6', 'MEMBER_NOTES_QUOTA must be a whole number written in digits, got "1e6"'],
    ['PULL_PAGE_BYTES', ' 4096 ', 'PULL_PAGE_BYTES must be a whole number written in digits, got " 4096 "'],
    ['MAX_NOTE_BYTES', '2097152', `MAX_NOTE_BYTES must be at most ${MAX_NOTE_BYTES}, got "2097152"`],
    ['MAX_BODY_BYTES', '1024', `MAX_BODY_BYTES must be at least ${MAX_BODY_BYTES}, got "1024"`],
    ['RATE_JOIN_IP_BURST', '1.5', 'RATE_JOIN_IP_BURST must be a whole number written in digits, got "1.5"'],
  ])('refuses %s=%j with one line naming it', (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(new Error(message));
  });

  it('names every bad variable at once', () => {
    expect(() => readConfig({ RATE_IP_BURST: 'x', MEMBER_NOTES_QUOTA: '0' })).toThrow(
      new Error(
        'RATE_IP_BURST must be a whole number written in digits, got "x"; MEMBER_NOTES_QUOTA must be at least 1, got "0"',
      ),
    );
  });

  it('the README documents every variable with its default', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const v of LIMIT_VARS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${v.name}\``));
      expect(row, v.name).toBeDefined();
      expect(row, v.name).toContain(`\`${v.fallback}\``);
    }
  });
});

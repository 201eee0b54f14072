import { resolve } from 'node:path';
import type { Limits } from './http/env';

/** Everything the operator sets, from the environment (see the final report / README for the table). */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  publicUrl: string;
  trustProxy: boolean;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  /** Limits the operator set (the rest keep DEFAULT_LIMITS, app.ts). */
  limits: Partial<Limits>;
}

/**
 * Limits an operator may set, each a positive whole number. A `*_PER_MINUTE` limit also sets its burst (a bucket
 * that holds a minute's worth), as the defaults for writes do.
 */
const LIMIT_VARIABLES = {
  LIMIT_REQUESTS_PER_MINUTE: 'perMember',
  LIMIT_WRITES_PER_MINUTE: 'writesPerMember',
  LIMIT_NOTE_BYTES: 'maxNoteBytes',
  LIMIT_MEMBER_NOTES: 'memberNotes',
  LIMIT_MEMBER_BYTES: 'memberBytes',
} as const satisfies Record<string, keyof Limits>;

function readLimits(env: NodeJS.ProcessEnv): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [variable, key] of Object.entries(LIMIT_VARIABLES)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${variable} must be a whole number above 0, got ${raw}`);
    if (key === 'perMember' || key === 'writesPerMember') limits[key] = { burst: n, perMinute: n };
    else limits[key] = n;
  }
  return limits;
}

function graceMs(value: string | undefined): number {
  if (value === undefined || value === '') return 10_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of ms, got ${value}`);
  return ms;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const host = env.HOST || '127.0.0.1';
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || './.data'),
    publicUrl: (env.PUBLIC_URL || `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`).replace(
      /\/+$/,
      '',
    ),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    shutdownGraceMs: graceMs(env.SHUTDOWN_GRACE_MS),
    limits: readLimits(env),
  };
}

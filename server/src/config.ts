import { resolve } from 'node:path';
import { readLimits, type SettableLimits } from './limits';
import { readSmtp } from './mail/smtp-config';
import type { SmtpSettings } from './rituals/email';

/** Everything the operator sets, from the environment (server/README.md has the table). */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  publicUrl: string;
  trustProxy: boolean;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  /** Rate limits, quotas and size caps (limits.ts: LIMIT_VARS); each defaults to DEFAULT_LIMITS. */
  limits: SettableLimits['limits'];
  maxBodyBytes: number;
  /** SMTP_URL and MAIL_FROM: unset, nothing is mailed (the weekly summary is off). */
  smtp?: SmtpSettings;
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
  const { limits, maxBodyBytes } = readLimits(env);
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
    limits,
    maxBodyBytes,
    smtp: readSmtp(env),
  };
}

import type { Role } from '../../../lib/sync/protocol';
import type { SmtpSettings } from '../rituals/email';
import type { Database } from '../db/database';
import type { WrittenBatches } from '../sync/batches';
import type { AckRecorder } from '../sync/acks';
import type { HeadCache } from '../sync/head-cache';
import type { Memo } from './memo';
import type { LogSink } from './request-log';
import type { Limit, Limiter, RateLimiter } from './rate-limit';

/** Who is calling: all from the token, never from the body. */
export interface AuthContext {
  tokenId: string;
  memberId: string;
  communityId: string;
  role: Role;
  displayName: string;
}

/**
 * What one member, one address or one note may take, so no one can stop sync for everyone (issue 15 item 1).
 * Per member, never per token: a member can mint tokens.
 */
export interface Limits {
  /** Requests per member, whatever token they come with. */
  perMember: Limit;
  perIp: Limit;
  /** Joining is unauthenticated: slower, so invite codes cannot be guessed. */
  joinPerIp: Limit;
  /** Mutations pushed per member (a push of n mutations takes n). */
  writesPerMember: Limit;
  /** A note's serialised size (its JSON, UTF-8 bytes): larger creates and edits are refused (413). */
  maxNoteBytes: number;
  /** A pull page's note bytes; a single note larger than that still travels, alone. */
  pullPageBytes: number;
  /** Live notes per member (403 quota_exceeded beyond). */
  memberNotes: number;
  /** Bytes of live notes per member (403 quota_exceeded beyond). */
  memberBytes: number;
  /** Days a tombstone is kept, at least, before compaction may delete it (sync/compact.ts). */
  tombstoneRetentionDays: number;
  /** Minutes between scheduled compaction runs (server/src/index.ts). */
  compactEveryMinutes: number;
}

/** What createApp needs: tests pass an in-memory PGlite, a fixed key and a fake clock. */
export interface AppDeps {
  db: Database;
  /** Signs pull cursors (db/server-meta.ts). */
  cursorKey: Buffer;
  now?: () => number;
  limits?: Partial<Limits>;
  /** Count X-Forwarded-For (last hop) as the client address: only behind a proxy you run. */
  trustProxy?: boolean;
  /** The address members reach this server at, for invite links. */
  publicUrl?: string;
  maxBodyBytes?: number;
  /** Receives one JSON line per request (http/request-log.ts); index.ts writes them to stdout. */
  log?: LogSink;
  /** Where mail goes out (config.ts: SMTP_URL, MAIL_FROM); unset, the weekly summary is off. */
  smtp?: SmtpSettings;
}

export interface Services {
  db: Database;
  cursorKey: Buffer;
  now: () => number;
  publicUrl: string;
  smtp: SmtpSettings | undefined;
  limits: Limits;
  /**
   * Per member and per joining address: in the database on a shared PostgreSQL (every process draws on one
   * allowance), in memory on PGlite. Per IP: in memory, a flood guard in front of everything.
   */
  limiters: { perMember: Limiter; perIp: RateLimiter; joinPerIp: Limiter; writesPerMember: Limiter };
  trustProxy: boolean;
  /** When each token's last_used_at was last written by this process. */
  touchedTokens: Map<string, number>;
  /**
   * Read caches. `auth`: members by token hash, only where this process is the only writer (PGlite; see
   * http/memo.ts). `head`: each community's head, what a poll at the head needs, on both (sync/head-cache.ts:
   * kept current across processes by NOTIFY on PostgreSQL).
   */
  memo: { auth?: Memo<AuthContext>; head: HeadCache };
  /** Each member's last acknowledged pull cursor, for compaction (sync/acks.ts). */
  acks: AckRecorder;
  /** The batch this process wrote last to each community: when it is gone, a new history generation (sync/batches.ts). */
  written: WrittenBatches;
}

/** A community's history head: its epoch, last version and that version's batch token (sync/pull.ts). */
export interface CommunityHead {
  epoch: string;
  version: number;
  token: string;
}

export type AppEnv = { Variables: { services: Services; auth: AuthContext; ip: string } };

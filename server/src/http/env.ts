import type { Role } from '../../../lib/sync/protocol';
import type { Database } from '../db/database';
import type { Limit, RateLimiter } from './rate-limit';

/** Who is calling: all from the token, never from the body. */
export interface AuthContext {
  tokenId: string;
  memberId: string;
  communityId: string;
  role: Role;
  displayName: string;
}

export interface Limits {
  perToken: Limit;
  perIp: Limit;
  /** Joining is unauthenticated: slower, so invite codes cannot be guessed. */
  joinPerIp: Limit;
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
}

export interface Services {
  db: Database;
  cursorKey: Buffer;
  now: () => number;
  publicUrl: string;
  limiters: { perToken: RateLimiter; perIp: RateLimiter; joinPerIp: RateLimiter };
  trustProxy: boolean;
  /** When each token's last_used_at was last written by this process. */
  touchedTokens: Map<string, number>;
}

export type AppEnv = { Variables: { services: Services; auth: AuthContext; ip: string } };

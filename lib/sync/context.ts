import type { CommonplaceDb } from '../db/schema';
import type { Membership } from '../db/sync-state';
import type { Fetcher } from './transport';

/** Everything the engine needs from outside, injected so tests run it against the real server in-process. */
export interface EngineDeps {
  db: CommonplaceDb;
  fetch: Fetcher;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

/** What one community's sync pass works with. */
export interface PassContext {
  db: CommonplaceDb;
  fetch: Fetcher;
  now: () => number;
  random: () => number;
  newId: () => string;
  clientId: string;
  member: Membership;
}

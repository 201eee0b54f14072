import type { ChannelHandlers, Subscription } from './listen';

/** What the server needs from PostgreSQL: the same calls whether PGlite or a real server sits behind. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Notices on a NOTIFY channel, where other processes may write (a real PostgreSQL); undefined on PGlite,
   * whose one process is the only writer.
   */
  subscribe?(channel: string, handlers: ChannelHandlers): Subscription;
}

/** int8 (versions, epoch-millisecond times) as JS numbers: all ours stay below 2^53. */
export const INT8_OID = 20;
export const parseInt8 = (value: string): number => Number(value);

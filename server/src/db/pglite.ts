import { PGlite } from '@electric-sql/pglite';
import { INT8_OID, parseInt8, type Database } from './database';

/**
 * The embedded default: PostgreSQL compiled to WASM, data in `dataDir` (or memory when undefined, for tests).
 * PGlite runs one query at a time and holds other callers while a transaction is open, so transactions are
 * serial here; the same row locks still matter on a real server.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create(dataDir, { parsers: { [INT8_OID]: parseInt8 } });
  return {
    kind: 'pglite',
    query: (sql, params) => pg.query(sql, params),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params) })),
    close: () => pg.close(),
  };
}

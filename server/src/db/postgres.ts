import pg from 'pg';
import { channelListener } from './listen';
import { INT8_OID, parseInt8, type Database } from './database';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A real PostgreSQL server: many app processes may share it (row locks keep versions in commit order).
 * `searchPath` puts every table in one schema: tests give each file its own.
 */
export async function openPostgres(
  connectionString: string,
  { max = 10, searchPath }: { max?: number; searchPath?: string } = {},
): Promise<Database> {
  const options = searchPath ? `-c search_path=${searchPath}` : undefined;
  const pool = new pg.Pool({ connectionString, max, types, ...(options ? { options } : {}) });
  pool.on('error', (error) => console.error('postgres pool error:', error.message));
  await pool.query('SELECT 1');
  const listeners = new Map<string, ReturnType<typeof channelListener>>();
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)) as unknown as { rows: T[] },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)) as unknown as { rows: T[] },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    subscribe(channel, handlers) {
      let listener = listeners.get(channel);
      if (!listener) listeners.set(channel, (listener = channelListener(connectionString, channel, options)));
      return listener.subscribe(handlers);
    },
    async close() {
      await Promise.all([...listeners.values()].map((l) => l.close()));
      await pool.end();
    },
  };
}

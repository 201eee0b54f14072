import { randomBytes } from 'node:crypto';
import type { Database } from './database';

/**
 * The key that signs pull cursors. It lives in the database so every app process behind a load balancer
 * shares it, and a restored backup still recognises its cursors (that is how a restore is detected).
 */
export async function loadCursorKey(db: Database): Promise<Buffer> {
  await db.query('INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    'cursor_key',
    randomBytes(32).toString('hex'),
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM server_meta WHERE key = $1', ['cursor_key']);
  return Buffer.from(rows[0]!.value, 'hex');
}

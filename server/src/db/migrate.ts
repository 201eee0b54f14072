import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';
import { backfillNameSkeletons } from './name-skeletons';

// Not `new URL('./migrations/', import.meta.url)`: a DOM test environment (jsdom) puts its own URL in place of
// Node's, and it does not resolve file: addresses, while component tests run this endpoint in-process too.
const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations') + '/';
/** Any constant: serialises app processes migrating one shared database at once. */
const MIGRATION_LOCK = 72_716_001;

/**
 * Applies the SQL files in migrations/ not yet applied, in name order, each in its own transaction. `upTo`
 * (a name prefix such as '004') stops after that migration: tests of a later migration start from real older data.
 */
export async function migrate(db: Database, options: { upTo?: string } = {}): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
  });
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .filter((f) => options.upTo === undefined || f.slice(0, options.upTo.length) <= options.upTo);
  const applied: string[] = [];
  for (const name of files) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.rows.length) return;
      for (const statement of splitSql(readFileSync(MIGRATIONS_DIR + name, 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
      applied.push(name);
    });
  }
  // Migration 009's column is filled in JS (UTS #39 skeletons); a no-op once every member has one.
  if (options.upTo === undefined || options.upTo >= '009') await backfillNameSkeletons(db);
  return applied;
}

/** Our migrations are plain DDL: statements end with `;` at a line end, comments start with `--`. */
function splitSql(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every table the app writes, children first: for test resets and snapshots. */
export const APP_TABLES = [
  'weekly_summary_recipients',
  'impact_entries',
  'calendar_feeds',
  'poll_answers',
  'poll_voters',
  'poll_occurrences',
  'polls',
  'ritual_outbox',
  'community_webhooks',
  'question_events',
  'rejected_mutations',
  'client_mutations',
  'version_batches',
  'history_generations',
  'compacted_notes',
  'thanks',
  'notes',
  'invites',
  'tokens',
  'members',
  'communities',
  'server_meta',
] as const;

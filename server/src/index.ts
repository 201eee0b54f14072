import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app';
import type { AppDeps } from './http/env';
import { ensureFirstCommunity } from './bootstrap';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { seedDemo } from './demo';
import { startRitualRunner } from './rituals/runner';
import { DEFAULT_LIMITS } from './limits';
import { startCompactor } from './sync/compact';

/**
 * Starts the endpoint: `npm run server` (add `-- --demo` for a demo community). Wiring only; see app.ts.
 * Exported so `npm start` can run it in-process next to the extension's dev server.
 */
export async function startServer(
  argv: string[] = process.argv.slice(2),
  /** Tests only (server/testing/endpoint-child.ts): limits for a child process of the scale-out harness. */
  overrides: Pick<AppDeps, 'limits'> = {},
) {
  const config = readConfig();
  const { db, close } = await openDatabase(config);
  const first = await ensureFirstCommunity(db, config.publicUrl);
  const demo = argv.includes('--demo') ? await seedDemo(db, config.publicUrl) : undefined;
  const app = createApp({
    db: db,
    cursorKey: db.cursorKey,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    limits: config.limits,
    maxBodyBytes: config.maxBodyBytes,
    log: (line) => process.stdout.write(`${line}\n`),
    smtp: config.smtp,
    ...overrides,
  });
  const rituals = startRitualRunner(db, {
    now: Date.now,
    smtp: config.smtp,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const { tombstoneRetentionDays: days, compactEveryMinutes: every } = { ...DEFAULT_LIMITS, ...config.limits };
  const compactor = startCompactor(db, {
    now: Date.now,
    retentionMs: days * 86_400_000,
    everyMs: every * 60_000,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const where = db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Commonplace endpoint on ${config.publicUrl} (${where})`);
  console.log(
    `Community "${first.name}"${first.adminInviteLink ? `: join as its admin with ${first.adminInviteLink}` : ''}`,
  );
  if (demo) console.log(`Demo community seeded: join with ${demo.inviteLink}`);
  let closing: Promise<void> | undefined;
  /**
   * Graceful: stop accepting, let requests in flight finish (idle keep-alive connections are closed at once),
   * cut whatever is still open after the grace period, then close the database (pool or PGlite and its lock).
   */
  const stop = () =>
    (closing ??= new Promise<void>((resolve) => {
      const http = server as Server;
      const cut = setTimeout(() => http.closeAllConnections(), config.shutdownGraceMs);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      http.closeIdleConnections();
    })
      .then(() => rituals.stop())
      .then(() => compactor.stop())
      .then(close));
  return { app, config, stop, first, demo };
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/src/index.ts');
if (isMain) {
  startServer().then(
    ({ stop }) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          console.log(`${signal}: closing (no new connections; requests in flight finish first)`);
          stop().then(
            () => {
              console.log('closed');
              process.exit(0);
            },
            (error: unknown) => {
              console.error(error);
              process.exit(1);
            },
          );
        });
      }
    },
    (error: unknown) => {
      console.error('Could not start:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

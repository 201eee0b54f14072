import type { Database } from '../db/database';
import { enqueueWeeklySummaries, sendDueWeekly } from '../impact/weekly-job';
import { deliverDue } from './deliver';
import type { SmtpSettings } from './email';
import { enqueueDuePosts } from './schedule';

/**
 * The endpoint's ritual clock: every `intervalMs`, puts the day's due posts in the outbox and sends what is due;
 * with `smtp`, the same for the weekly facilitator summaries by e-mail (server/src/impact/weekly-job.ts).
 * One tick at a time; `stop` waits for the tick in flight, so the database is never closed under it. Failures
 * are logged by kind only (never a webhook address) and the next tick tries again.
 */
export function startRitualRunner(
  db: Database,
  o: { now: () => number; intervalMs?: number; log: (line: string) => void; smtp?: SmtpSettings },
) {
  let running: Promise<void> = Promise.resolve();
  const tick = () =>
    (running = running.then(async () => {
      try {
        await enqueueDuePosts(db, o.now());
        await deliverDue(db, { now: o.now });
        if (o.smtp) {
          await enqueueWeeklySummaries(db, o.now());
          await sendDueWeekly(db, { now: o.now, smtp: o.smtp });
        }
      } catch (e) {
        o.log(
          JSON.stringify({
            time: new Date(o.now()).toISOString(),
            level: 'error',
            msg: 'rituals',
            error: e instanceof Error ? e.name : 'error',
          }),
        );
      }
    }));
  const timer = setInterval(() => void tick(), o.intervalMs ?? 60_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

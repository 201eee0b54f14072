import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKER_POLL } from '../../lib/pulse/defaults';
import { PollResultsSchema } from '../../lib/pulse/schema';
import type { JoinResponse } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';

const OPEN_AT = Date.UTC(2026, 0, 19, 12);
const RUNS = Number(process.env.POLL_PROPERTY_RUNS ?? 12);

/** Against the real endpoint (PGlite, and PostgreSQL when configured): no mock stands in for the storage. */
describe.each(BACKENDS)('pulse poll properties on %s', (backend) => {
  const t = useTestServer(backend);

  it('results are hidden below k and one answer per member per occurrence holds, whatever the attempts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 6 }),
        fc.boolean(),
        // Answer attempts by member index; repeats are second answers, sent one by one or several at once.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 14 }),
        async (k, isAnonymous, attempts) => {
          t.clock.now = OPEN_AT;
          const c = await t.community(`C ${randomUUID()}`);
          const members: JoinResponse[] = [];
          for (let i = 0; i < 7; i++) members.push(await c.member(`M${i} ${randomUUID().slice(0, 8)}`));
          const id = randomUUID();
          t.clock.now = OPEN_AT; // never backwards: the rate limiters' buckets refill by this clock
          const put = await t.request('PUT', `/v1/polls/${id}`, {
            token: c.admin.token,
            body: { ...BLOCKER_POLL, choices: [], timeZone: 'UTC', minAnswers: k, isAnonymous },
          });
          expect(put.status).toBe(200);
          const url = `/v1/polls/${id}/occurrences/2026-01-21/answers`;
          const answered = new Set<number>();
          let i = 0;
          while (i < attempts.length) {
            // A burst: this attempt and the next ones flagged concurrent go out together.
            const burst = [attempts[i]!];
            while (i + burst.length < attempts.length && attempts[i + burst.length]![1])
              burst.push(attempts[i + burst.length]!);
            i += burst.length;
            const results = await Promise.all(
              burst.map(([m]) => t.request('POST', url, { token: members[m]!.token, body: { text: `from ${m}` } })),
            );
            const byMember = new Map<number, number[]>();
            burst.forEach(([m], j) => byMember.set(m, [...(byMember.get(m) ?? []), results[j]!.status]));
            for (const [m, statuses] of byMember) {
              const created = statuses.filter((s) => s === 201).length;
              expect(created).toBe(answered.has(m) ? 0 : 1);
              expect(statuses.filter((s) => s === 409).length).toBe(statuses.length - created);
              answered.add(m);
            }
            const res = await t.request('GET', `/v1/polls/${id}/occurrences/2026-01-21/results`, {
              token: members[0]!.token,
            });
            const r = PollResultsSchema.parse(res.json);
            expect(r.answerCount).toBe(answered.size);
            expect(r.isWithheld).toBe(answered.size < k);
            if (r.isWithheld) {
              expect(r.answers).toBeUndefined();
              expect(r.counts).toBeUndefined();
              for (const m of answered) expect(res.text).not.toContain(`from ${m}`);
            } else {
              expect(r.answers!.map((a) => a.text).sort()).toEqual([...answered].map((m) => `from ${m}`).sort());
              expect(r.answers!.every((a) => (a.member === undefined) === isAnonymous)).toBe(true);
            }
          }
          const { rows } = await t.db.query<{ n: string }>(
            'SELECT count(*) AS n FROM poll_answers WHERE poll_id = $1',
            [id],
          );
          expect(Number(rows[0]!.n)).toBe(answered.size);
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { impactWorld } from '../testing/impact';
import { MIN_PEOPLE } from './cell';
import { impactReport } from './figures';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];

/** Every `{ people, value }` anywhere in the report: the figures a reader sees. */
function cells(x: unknown, out: { people: number }[] = []): { people: number }[] {
  if (Array.isArray(x)) x.forEach((v) => cells(v, out));
  else if (x && typeof x === 'object') {
    if ('people' in x && 'value' in x) out.push(x as { people: number });
    Object.values(x).forEach((v) => cells(v, out));
  }
  return out;
}

export const worldArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  notes: fc.integer({ min: 0, max: 160 }),
  members: fc.integer({ min: 1, max: 14 }),
  now: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
  timeZone: fc.constantFrom(...ZONES),
  named: fc.integer({ min: 0, max: 4 }),
  k: fc.integer({ min: 0, max: 9 }),
  isSummaryMissing: fc.boolean(),
});

describe('impactReport (properties)', () => {
  it('shows no figure fewer than 5 people (nor the endpoint’s k, when stricter) stand behind', () => {
    fc.assert(
      fc.property(worldArb, (o) => {
        const r = impactReport(impactWorld(o));
        expect(r.k).toBe(o.isSummaryMissing ? MIN_PEOPLE : Math.max(MIN_PEOPLE, o.k));
        for (const c of cells(r)) expect(c.people).toBeGreaterThanOrEqual(r.k);
      }),
      { numRuns: 200 },
    );
  });

  it('covers the quarter holding now and counts nothing from outside it', () => {
    fc.assert(
      fc.property(worldArb, (o) => {
        const w = impactWorld(o);
        const r = impactReport(w);
        expect(r.period.from).toBeLessThanOrEqual(o.now);
        expect(o.now).toBeLessThan(r.period.to);
        const inside = w.notes.filter((n) => n.createdAt >= r.period.from && n.createdAt <= o.now);
        expect(r.harvest?.value ?? inside.length).toBe(inside.length);
      }),
      { numRuns: 100 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { gini, routingBench } from '../../bench/routing';

describe('routing on real public threads (bench:routing)', () => {
  it('holds its floors: beats most-active and random at recall@3, spreads load more than always asking the top expert', () => {
    // Measured 2026-12-05 on tests/fixtures/routing/datascience-meta.json: 0.3 / 0.125 / 0.028, Gini 0.932 vs 0.941.
    const r = routingBench();
    expect(r.testQuestions).toBe(40);
    expect(r.routingRecall3).toBeGreaterThanOrEqual(0.27);
    expect(r.routingRecall3).toBeGreaterThan(r.routingRecall3MostActive);
    expect(r.routingRecall3MostActive).toBeGreaterThan(r.routingRecall3Random);
    expect(r.loadGini).toBeLessThanOrEqual(0.94);
    expect(r.loadGini).toBeLessThan(r.loadGiniTopExpert);
  });

  it('computes Gini: 0 for equal load, (n-1)/n when one carries everything', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(0.75, 9);
    expect(gini([])).toBe(0);
  });
});

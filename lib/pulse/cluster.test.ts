import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterTexts, stem } from './cluster';
import { clusterScores } from './evaluate';

const texts = [
  'upgrading our Kubernetes cluster to the next minor version',
  'the Kubernetes upgrade fails on the node pools',
  'VPN disconnects every few minutes when working from home',
  'the VPN disconnects at home during calls',
  'our transactional emails land in spam',
];

describe('clustering blockers into knowledge requests', () => {
  it('groups answers about the same thing and keeps others apart', () => {
    const clusters = clusterTexts(texts, (t) => t);
    const of = (t: string) => clusters.findIndex((c) => c.items.includes(t));
    expect(of(texts[0]!)).toBe(of(texts[1]!));
    expect(of(texts[2]!)).toBe(of(texts[3]!));
    expect(of(texts[0]!)).not.toBe(of(texts[2]!));
    expect(of(texts[4]!)).not.toBe(of(texts[0]!));
    expect(clusters[0]!.items).toHaveLength(2);
    expect(clusters.find((c) => c.items.includes(texts[0]!))!.terms).toContain('kubernet');
  });

  it('is deterministic whatever order the answers come in', () => {
    const base = clusterTexts(texts, (t) => t).map((c) => [...c.items].sort());
    fc.assert(
      fc.property(fc.shuffledSubarray(texts, { minLength: texts.length }), (shuffled) => {
        expect(clusterTexts(shuffled, (t) => t).map((c) => [...c.items].sort())).toEqual(base);
      }),
      { numRuns: 50 },
    );
  });

  it('never loses or duplicates an answer', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (xs) => {
        const out = clusterTexts(xs, (t) => t).flatMap((c) => c.items);
        expect(out.sort()).toEqual([...xs].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('strips English suffixes lightly and leaves other words alone', () => {
    expect(stem('upgrading')).toBe('upgrad');
    expect(stem('upgrades')).toBe('upgrad');
    expect(stem('vpn')).toBe('vpn');
    expect(stem('straße')).toBe('straße');
  });

  it('scores purity and its inverse', () => {
    expect(clusterScores([['a', 'a', 'b'], ['b']])).toMatchObject({ purity: 0.75, inversePurity: 0.75 });
    expect(clusterScores([['a'], ['a']])).toMatchObject({ purity: 1, inversePurity: 0.5 });
  });
});

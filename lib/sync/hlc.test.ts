import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HLC_ZERO, compareHlc, compareStamps, formatHlc, isHlc, parseHlc, receiveHlc, tickHlc } from './hlc';

describe('hlc', () => {
  it('round-trips and orders by string comparison', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 45), fc.nat(999_999), fc.nat(2 ** 45), fc.nat(999_999), (w1, c1, w2, c2) => {
        const a = formatHlc(w1, c1);
        const b = formatHlc(w2, c2);
        expect(parseHlc(a)).toEqual({ wallMs: w1, counter: c1 });
        const numeric = w1 !== w2 ? Math.sign(w1 - w2) : Math.sign(c1 - c2);
        expect(compareHlc(a, b)).toBe(numeric);
      }),
    );
  });

  it('tick is strictly increasing even when the wall clock jumps back days', () => {
    let h = HLC_ZERO;
    const clocks = [1_000, 1_000, 999, 1_000 + 3 * 86_400_000, 5, 5, 2_000];
    for (const now of clocks) {
      const next = tickHlc(h, now);
      expect(compareHlc(next, h)).toBe(1);
      h = next;
    }
    expect(parseHlc(h).wallMs).toBe(1_000 + 3 * 86_400_000);
  });

  it('receive is greater than both local and remote', () => {
    fc.assert(
      fc.property(
        fc.nat(2 ** 44),
        fc.nat(999_998),
        fc.nat(2 ** 44),
        fc.nat(999_998),
        fc.nat(2 ** 44),
        (w1, c1, w2, c2, now) => {
          const l = formatHlc(w1, c1);
          const r = formatHlc(w2, c2);
          const h = receiveHlc(l, r, now);
          expect(compareHlc(h, l)).toBe(1);
          expect(compareHlc(h, r)).toBe(1);
        },
      ),
    );
  });

  it('counter overflow spills into the wall part', () => {
    expect(tickHlc(formatHlc(10, 999_999), 0)).toBe(formatHlc(11, 0));
  });

  it('rejects malformed clocks', () => {
    expect(isHlc('000000000000001-000000')).toBe(true);
    for (const bad of ['', '1-1', '000000000000001-00000a', ' 000000000000001-000000']) expect(isHlc(bad)).toBe(false);
    expect(() => parseHlc('nope')).toThrow(RangeError);
    expect(() => formatHlc(-1, 0)).toThrow(RangeError);
  });

  it('ties on the clock break by client id, deterministically', () => {
    const hlc = formatHlc(5, 0);
    expect(compareStamps({ hlc, clientId: 'b' }, { hlc, clientId: 'a' })).toBe(1);
    expect(compareStamps({ hlc, clientId: 'a' }, { hlc, clientId: 'a' })).toBe(0);
    expect(compareStamps({ hlc: formatHlc(6, 0), clientId: 'a' }, { hlc, clientId: 'z' })).toBe(1);
  });
});

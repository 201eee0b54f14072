import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinRows, splitRows } from './split-rows';

const round = <T>(x: T): T => deserialize(serialize(x)) as T;

const typedArb = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.uint32Array({ maxLength: 100 }),
  fc.int32Array({ maxLength: 100 }),
  fc.float64Array({ maxLength: 60, noNaN: true }),
);
const valueArb = fc.record({
  size: fc.nat(),
  names: fc.array(fc.string(), { maxLength: 4 }),
  a: typedArb,
  nested: fc.record({ b: typedArb, c: typedArb, n: fc.option(fc.integer()) }),
});

describe('a saved index split into rows', () => {
  it('joins back to what was split, each part at most maxBytes, through V8 serialisation', () => {
    fc.assert(
      fc.property(valueArb, fc.integer({ min: 8, max: 700 }), (value, maxBytes) => {
        const { shape, parts } = splitRows(value, maxBytes);
        for (const part of parts) {
          expect(part.reduce((n, p) => n + p.byteLength, 0)).toBeLessThanOrEqual(maxBytes);
          // Each piece carries only its own bytes (a subarray would be cloned with its whole buffer).
          for (const p of part) expect(p.buffer.byteLength).toBe(p.byteLength);
        }
        expect(joinRows(round(shape), parts.map(round))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses parts that do not fit the shape: one missing, of another type, or cut short', () => {
    const value = { a: Uint32Array.from({ length: 50 }, (_, i) => i), b: Float64Array.from([1.5, 2.5]) };
    const { shape, parts } = splitRows(value, 64);
    expect(parts.length).toBeGreaterThan(2);
    expect(() => joinRows(shape, parts.slice(0, -1))).toThrow(RangeError);
    const swapped = parts.map((part) => part.map((p) => (p instanceof Float64Array ? new Uint32Array(4) : p)));
    expect(() => joinRows(shape, swapped)).toThrow(RangeError);
    const short = parts.map((part, i) => (i === 0 ? [part[0]!.slice(0, 1), ...part.slice(1)] : part));
    expect(() => joinRows(shape, short)).toThrow(RangeError);
    expect(() => joinRows(shape, 'not parts' as never)).toThrow(RangeError);
  });
});

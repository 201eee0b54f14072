import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPackedStrings, entriesOf, packStrings, stringAt, utf8Length } from './packed-columns';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Any UTF-16, lone surrogates included (a page can put them in a quote), from a small alphabet so keys repeat. */
const entry = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', 'a', '\ud800', '\udc00', 'é', '日本', '\ud83d\ude00'),
);

describe('packed string columns', () => {
  it('give back every entry as TextEncoder/TextDecoder would, and find each key exactly where it is', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(entry, { maxLength: 3 }).map((parts) => parts.join('')),
          { maxLength: 30 },
        ),
        (xs) => {
          const packed = packStrings(xs);
          checkPackedStrings(packed, xs.length);
          xs.forEach((x, i) => {
            expect(utf8Length(x)).toBe(encoder.encode(x).length);
            expect(stringAt(packed, i)).toBe(decoder.decode(encoder.encode(x)));
          });
          for (const key of new Set(xs.map((x) => decoder.decode(encoder.encode(x))))) {
            const want = xs.flatMap((x, i) => (key !== '' && decoder.decode(encoder.encode(x)) === key ? [i] : []));
            expect(entriesOf(packed, key)).toEqual(want);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps lengths right when lone surrogates on either side of a join would pair up', () => {
    const packed = packStrings(['x\ud83d', '\ude00y']);
    expect(stringAt(packed, 0)).toBe('x\ufffd');
    expect(stringAt(packed, 1)).toBe('\ufffdy');
  });
});

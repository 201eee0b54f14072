import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import-file';

/**
 * A sentence the way highlights look: words, punctuation, no Markdown marks at its start. Not `key:: value`:
 * Logseq itself reads such a line as a block property, so the format cannot carry it as text.
 */
const sentence = fc
  .array(fc.stringMatching(/^[A-Za-z][a-z’,.;:!?()'"0-9-]{0,11}$/), { minLength: 1, maxLength: 12 })
  .map((w) => w.join(' '))
  .filter((s) => !s.includes('::'));

describe('Readwise → Logseq pages, generated', () => {
  it('property: every highlight becomes one note with its link, however the syncs split them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ lines: fc.array(sentence, { minLength: 1, maxLength: 3 }), note: fc.option(sentence) }), {
          minLength: 1,
          maxLength: 15,
        }),
        fc.nat({ max: 15 }),
        (highlights, split) => {
          const bullet = (h: (typeof highlights)[number], i: number) =>
            [
              `\t- ${h.lines.join('\n\t  ')} ([View Highlight](https://read.readwise.io/read/h${i}))`,
              ...(h.note ? [`\t\t- **Note**: ${h.note}`] : []),
            ].join('\n');
          const at = Math.min(split, highlights.length);
          const page = [
            'title:: Generated (highlights)',
            'url:: https://example.org/generated',
            '',
            '- Highlights first synced by [[Readwise]] [[Jan 31st, 2023]]',
            ...highlights.slice(0, at).map(bullet),
            ...(at < highlights.length
              ? [
                  '- New highlights added [[Feb 1st, 2023]] at 9:45 AM',
                  ...highlights.slice(at).map((h, i) => bullet(h, i + at)),
                ]
              : []),
          ].join('\n');
          const r = importFile(page, { filename: 'generated.md' });
          if (!r.ok) throw new Error(r.error);
          expect(r.value.skipped).toEqual([]);
          expect(r.value.notes.map((n) => [n.quote, n.takeaway, n.origin?.link, n.page.url])).toEqual(
            highlights.map((h, i) => [
              h.lines.join('\n'),
              h.note ?? '',
              `https://read.readwise.io/read/h${i}`,
              'https://example.org/generated',
            ]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

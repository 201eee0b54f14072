import type { Collection } from '../../collections';
import { NoteSchema, type Note } from '../../model';
import { makeBareNote } from '../make-note';
import { importFile } from '../../import';
import { goldenNotes } from './golden-notes';

/**
 * A varied set of notes for checking the JSON export against the W3C schemas: every origin a note can have
 * (a selection on a page, a page or link harvest, a chat thread, an edit, an answer) and the edges (no body,
 * a 20,000-character quote, a URL with spaces, authors with and without IRIs). Notes imported from the
 * real-format files in tests/fixtures/import are added by the test. Tests only.
 */
export function exportCorpus(): { notes: Note[]; collections: Collection[] } {
  const at = Date.UTC(2026, 10, 20, 9, 30);
  const page = (url: string, title: string) => ({ url, canonicalUrl: url, title });
  const id = (n: number) => `0190f000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
  const longQuote = 'Caches need an owner. '.repeat(910).slice(0, 20_000);
  const notes: Note[] = [
    // A selection on a page: quote, position, prefix and suffix as the anchoring code records them.
    makeBareNote({
      id: id(0x101),
      quote: 'Idempotency keys make retries safe.',
      takeaway: 'Send one with every POST.',
      tags: ['api', 'reliability'],
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'Idempotency keys make retries safe.',
          prefix: 'In short: ',
          suffix: ' Without them',
        },
        { type: 'TextPositionSelector', start: 1200, end: 1235 },
      ],
      page: page('https://docs.example/api/retries', 'Retries'),
      author: { id: '0190e000-0000-7000-8000-0000000000aa', name: 'Ana' },
      createdAt: at,
      updatedAt: at,
    }),
    // The same note after an edit: new takeaway, kind and tags, later modified time.
    makeBareNote({
      id: id(0x102),
      kind: 'win',
      quote: 'Deploys went from weekly to daily.',
      takeaway: 'Trunk-based development paid off (edited).',
      tags: ['delivery'],
      selectors: [{ type: 'TextQuoteSelector', exact: 'Deploys went from weekly to daily.' }],
      page: page('https://blog.example/2026/trunk', 'Trunk'),
      createdAt: at + 1000,
      updatedAt: at + 86_400_000,
    }),
    // A highlight alone: no takeaway, no tags, so no body at all.
    makeBareNote({
      id: id(0x103),
      quote: 'Measure before you optimise.',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Measure before you optimise.' }],
      page: page('https://perf.example/rules', 'Rules'),
      createdAt: at + 2000,
      updatedAt: at + 2000,
    }),
    // Tags only.
    makeBareNote({
      id: id(0x104),
      quote: 'Feature flags are debt with interest.',
      tags: ['flags'],
      selectors: [{ type: 'TextQuoteSelector', exact: 'Feature flags are debt with interest.' }],
      page: page('https://flags.example/debt', 'Flags'),
      createdAt: at + 3000,
      updatedAt: at + 3000,
    }),
    // A page note: no quote, no selector; the target is the page itself.
    makeBareNote({
      id: id(0x105),
      kind: 'link',
      quote: '',
      takeaway: 'The whole series is worth reading.',
      page: page('https://series.example/part-1', 'Part 1'),
      createdAt: at + 4000,
      updatedAt: at + 4000,
    }),
    // A page harvest: the quote is the page's excerpt, stored with no selector (derived on export).
    makeBareNote({
      id: id(0x106),
      kind: 'link',
      quote: 'A field guide to on-call rotations.',
      page: { ...page('https://oncall.example/guide', 'On-call'), excerpt: 'A field guide to on-call rotations.' },
      createdAt: at + 5000,
      updatedAt: at + 5000,
    }),
    // A question, and an answer linked to it.
    makeBareNote({
      id: id(0x107),
      kind: 'question',
      quote: 'Which timeout should the gateway use?',
      takeaway: 'Anyone measured this?',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Which timeout should the gateway use?' }],
      page: page('https://gw.example/faq', 'FAQ'),
      createdAt: at + 6000,
      updatedAt: at + 6000,
    }),
    makeBareNote({
      id: id(0x108),
      kind: 'answer',
      quote: 'The p99 of the slowest backend, plus a margin.',
      takeaway: 'We use p99 + 20%.',
      selectors: [{ type: 'TextQuoteSelector', exact: 'The p99 of the slowest backend, plus a margin.' }],
      page: page('https://gw.example/faq', 'FAQ'),
      links: { answers: id(0x107) },
      author: { id: 'acct:bo@community.example', name: 'Bo' },
      createdAt: at + 7000,
      updatedAt: at + 7000,
    }),
    // "Me too": adds to another note.
    makeBareNote({
      id: id(0x109),
      kind: 'story',
      quote: 'We lost a day to a clock skew.',
      takeaway: 'Same here, twice.',
      page: page('https://time.example/skew', 'Skew'),
      links: { addsTo: id(0x103) },
      author: { id: 'member-7', name: 'Cy' },
      createdAt: at + 8000,
      updatedAt: at + 8000,
    }),
    // The longest quote the model allows.
    makeBareNote({
      id: id(0x10a),
      kind: 'snippet',
      quote: longQuote,
      selectors: [{ type: 'TextQuoteSelector', exact: longQuote }],
      rich: { codeLanguage: 'text' },
      page: page('https://long.example/wall-of-text', 'Wall'),
      createdAt: at + 9000,
      updatedAt: at + 9000,
    }),
    // A URL that is valid to the browser but not as an IRI until normalised (space, non-ASCII).
    makeBareNote({
      id: id(0x10b),
      kind: 'template',
      quote: 'Ünïcödé and spaces survive.',
      takeaway: 'Template: incident review',
      page: page('https://wiki.example/Incident review/Ü', 'Incident review'),
      createdAt: at + 10_000,
      updatedAt: at + 10_000,
    }),
    // A selection in a chat thread: the message quoted, its author credited.
    makeBareNote({
      id: id(0x10c),
      quote: 'Roll back first, debug second.',
      takeaway: 'Our incident rule.',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Roll back first, debug second.', prefix: 'Dee: ' }],
      page: page('https://chat.example/archives/C2/p9', 'Slack #incidents'),
      chat: {
        platform: 'slack',
        channel: 'incidents',
        messages: [{ id: 'm9', author: 'Dee', text: 'Roll back first, debug second.', isRoot: true }],
      },
      contributors: [{ id: 'slack:U9', name: 'Dee' }],
      createdAt: at + 11_000,
      updatedAt: at + 11_000,
    }),
    // A thread harvest: the quote is the thread's text, stored with no selector.
    makeBareNote({
      id: id(0x10d),
      kind: 'question',
      quote: 'Eve: Where do the runbooks live?\nFay: In the ops repo, under docs/.',
      page: page('https://chat.example/archives/C3/p1', 'Slack #ops'),
      chat: {
        platform: 'slack',
        channel: 'ops',
        isThread: true,
        messages: [
          { id: 'm1', author: 'Eve', text: 'Where do the runbooks live?', isRoot: true },
          { id: 'm2', author: 'Fay', text: 'In the ops repo, under docs/.' },
        ],
      },
      createdAt: at + 12_000,
      updatedAt: at + 12_000,
    }),
    // Every other kind once.
    ...(['insight', 'question', 'answer', 'win', 'story', 'snippet', 'template', 'link'] as const).map((kind, i) =>
      makeBareNote({
        id: id(0x200 + i),
        kind,
        quote: `A ${kind} quote.`,
        takeaway: i % 2 ? `A ${kind} takeaway.` : '',
        tags: i % 3 ? [kind] : [],
        page: page(`https://kinds.example/${kind}`, kind),
        createdAt: at + 20_000 + i,
        updatedAt: at + 20_000 + i,
      }),
    ),
    ...goldenNotes().notes,
  ].map((n) => NoteSchema.parse(n));
  const collections: Collection[] = [
    goldenNotes().collection,
    {
      id: 'c-2',
      name: 'Questions and answers',
      noteIds: [id(0x107), id(0x108)],
      createdAt: at,
      updatedAt: at + 1,
    },
  ];
  return { notes, collections };
}

/**
 * Notes as our importers make them from other tools' files (Hypothesis rows with their RangeSelectors,
 * Markdown highlights with a quote and no selector): every file that imports, each note once.
 */
export function importedCorpus(files: { name: string; text: string }[]): Note[] {
  const notes = new Map<string, Note>();
  for (const { name, text } of files) {
    // One store imports them all: the same rows in three file forms merge, as they would for a user.
    const r = importFile(text, { filename: name, now: () => Date.UTC(2026, 11, 1), existing: notes.values() });
    if (r.ok) for (const n of r.value.notes) notes.set(n.id, n);
  }
  return [...notes.values()];
}

import { testMembership } from '../../lib/testing/membership';
import { DAY_MS } from '../../lib/digest/time';
import { seedId } from '../../lib/testing/digest-seed';
import { NOTE_SCHEMA_VERSION, type Note, type NoteKind, type Person } from '../../lib/model';

/** The fixed clock of the screenshot tests: Wednesday 25 November 2026, 12:00 UTC. */
export const SHOT_NOW = Date.parse('2026-11-25T12:00:00Z');

const ada: Person = { id: 'u-ada', name: 'Ada Okafor' };
const ben: Person = { id: 'u-ben', name: 'Ben Moreau' };
const cleo: Person = { id: 'u-cleo', name: 'Cleo Park' };

let seq = 0;
function note(kind: NoteKind, ago: number, takeaway: string, quote: string, over: Partial<Note> = {}): Note {
  const createdAt = SHOT_NOW - ago;
  const n = seq++;
  const url = `https://docs.example.org/guide/${n}`;
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: seedId(createdAt, n),
    kind,
    quote,
    takeaway,
    tags: [],
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    page: { url, canonicalUrl: url, title: 'Extension field guide', siteName: 'docs.example.org' },
    pageKey: `docs.example.org/guide/${n}`,
    createdAt,
    updatedAt: createdAt,
    communityId: 'c1',
    ...over,
  };
}

const H = 3_600_000;

/** The same notes on every run: a week of a small community's harvest, with open and answered questions. */
export function screenshotNotes(): Note[] {
  seq = 0;
  const question = note(
    'question',
    20 * DAY_MS,
    'How do we keep the popup fast with 50k notes?',
    'Search must answer within a keystroke.',
    { author: cleo, tags: ['extensions', 'performance'] },
  );
  return [
    note(
      'snippet',
      2 * H,
      'Debounce the search box by 120 ms',
      'Typing fires an input event per key; wait until the user pauses.',
      { author: ada, tags: ['extensions', 'performance'] },
    ),
    note('win', 5 * H, 'Shipped the store packages', 'Both stores accepted the first submission.', {
      author: ben,
      tags: ['release'],
    }),
    note(
      'insight',
      DAY_MS + 3 * H,
      'Keep entrypoints thin; logic lives in lib/',
      'Entry files are wiring only, so the logic is testable without a browser.',
      { author: ada, tags: ['extensions', 'architecture'] },
    ),
    note(
      'answer',
      26 * H,
      'Use a warm index in a shared worker',
      'One index, kept warm, answers every page that asks.',
      { author: ben, tags: ['extensions'] },
    ),
    note('story', 3 * DAY_MS, 'The migration that ate our tags', 'We renamed the index and lost a week.', {
      author: cleo,
      tags: ['story'],
    }),
    question,
    note(
      'template',
      40 * DAY_MS,
      'Retro template people actually fill in',
      'What helped, what hurt, one thing to try.',
      { author: ada, tags: ['rituals'] },
    ),
  ];
}

/** Joined to one community as "Sam", syncing paused (its endpoint is never reached): options lists it. */
export const SHOT_KV = [
  {
    key: 'sync:member:c1',
    value: testMembership({ communityName: 'Web craft circle', memberId: 'u-sam', isEnabled: false }),
  },
  { key: 'sync:settings', value: { endpoint: '', clientId: 'screenshots', displayName: 'Sam' } },
];

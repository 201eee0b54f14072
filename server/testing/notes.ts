import { uuidv7 } from 'uuidv7';
import { NOTE_SCHEMA_VERSION, type Note } from '../../lib/model';
import { formatHlc } from '../../lib/sync/hlc';
import type { MutationInput } from '../../lib/sync/protocol';

/** A valid wire note; override what the test is about. */
export function makeNote(overrides: Partial<Note> = {}): Note {
  const t = Date.UTC(2026, 0, 15);
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: uuidv7(),
    kind: 'insight',
    quote: 'Small modules are easier to review.',
    takeaway: 'Split files past 300 lines.',
    tags: ['style'],
    selectors: [{ type: 'TextQuoteSelector', exact: 'Small modules are easier to review.' }],
    page: { url: 'https://example.org/style', canonicalUrl: 'https://example.org/style', title: 'Style' },
    pageKey: 'example.org/style',
    createdAt: t,
    updatedAt: t,
    ...overrides,
  };
}

/** Builds one client's mutations with consecutive numbers and increasing clocks. */
export function client(clientId = `client-${uuidv7().slice(-12)}`, start = 1) {
  let n = start - 1;
  let tick = 1;
  const base = () => ({ clientId, mutationNumber: ++n, hlc: formatHlc(Date.UTC(2026, 0, 15) + tick++, 0) });
  return {
    clientId,
    create: (note: Note = makeNote()): MutationInput => ({ ...base(), op: 'create', note }),
    edit: (noteId: string, patch: Record<string, unknown>): MutationInput =>
      ({ ...base(), op: 'edit', noteId, patch }) as MutationInput,
    del: (noteId: string): MutationInput => ({ ...base(), op: 'delete', noteId }),
    thank: (noteId: string): MutationInput => ({ ...base(), op: 'thank', noteId }),
    unthank: (noteId: string): MutationInput => ({ ...base(), op: 'unthank', noteId }),
    questionEvent: (noteId: string, event: Record<string, unknown>): MutationInput =>
      ({ ...base(), op: 'question-event', noteId, event }) as MutationInput,
    /** The number the next mutation will get. */
    get next() {
      return n + 1;
    },
  };
}

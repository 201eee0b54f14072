import { NOTE_KINDS, NOTE_SCHEMA_VERSION, type Note, type NoteKind, type Person } from '../model';
import { DAY_MS } from '../digest/time';
import { seededRandom } from './seeded-random';

/** A time-ordered UUID (v7 layout) for a creation time: seeded stores sort by id like real ones. */
export function seedId(createdAt: number, seq: number): string {
  const t = createdAt.toString(16).padStart(12, '0');
  const r = (seq >>> 0).toString(16).padStart(8, '0') + ((seq * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-8${r.slice(3, 6)}-${r.slice(6, 16)}0000`.slice(0, 36);
}

let counter = 0;

/** One valid note; tests and benchmarks override what they care about. */
export function makeNote(over: Partial<Note> & { createdAt: number }): Note {
  const seq = counter++;
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: seedId(over.createdAt, seq),
    kind: 'insight',
    quote: `Quoted passage ${seq}`,
    takeaway: `Takeaway ${seq}`,
    tags: [],
    selectors: [],
    page: { url: `https://example.org/p/${seq}`, canonicalUrl: `https://example.org/p/${seq}`, title: `Page ${seq}` },
    pageKey: `example.org/p/${seq}`,
    updatedAt: over.createdAt,
    communityId: 'c1',
    ...over,
  };
}

/**
 * `n` notes spread over `days` before `now` across three communities and 40 people: an eighth questions, most
 * of them answered (some from another community), wins, stories, snippets and bare links.
 */
export function seedStore(n: number, now: number, days = 365, seed = 1): Note[] {
  const rand = seededRandom(seed);
  const people: Person[] = Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}` }));
  const communities = ['c1', 'c2', 'c3'];
  const notes: Note[] = [];
  const questions: Note[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = Math.floor(now - rand() * days * DAY_MS);
    const kind: NoteKind = NOTE_KINDS[Math.floor(rand() * NOTE_KINDS.length)]!;
    const author = people[Math.floor(rand() * rand() * people.length)]!;
    const note = makeNote({
      createdAt,
      kind,
      author,
      communityId: communities[Math.floor(rand() * communities.length)]!,
      contributors: rand() < 0.2 ? [people[Math.floor(rand() * people.length)]!] : undefined,
    });
    if (kind === 'question') questions.push(note);
    if (kind === 'answer' && questions.length > 0) {
      const q = questions[Math.floor(rand() * questions.length)]!;
      if (q.createdAt < createdAt) note.links = { answers: q.id };
    }
    notes.push(note);
  }
  return notes;
}

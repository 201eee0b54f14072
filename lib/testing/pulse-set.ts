/**
 * Test-only: the pulse labelled set (lib/pulse/labelled-set) as notes and statements. Self-contained: the
 * notes' text is in the set, so nothing outside the repository is needed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NOTE_SCHEMA_VERSION, pageKey, type Note, type NoteKind } from '../model';
import type { LabelledStatement } from '../pulse/evaluate';

interface SetNote {
  id: string;
  kind: NoteKind;
  from?: string;
  page?: string;
  url?: string;
  channel?: string;
  date: string;
  quote: string;
  takeaway: string;
}

const dir = fileURLToPath(new URL('../pulse/labelled-set/', import.meta.url));
const read = <T>(name: string): T => JSON.parse(readFileSync(dir + name, 'utf8')) as T;

/** Set note id → a stable UUID (the set's ids are names people read). */
export function noteUuid(setId: string, index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `0191aaaa-0000-7000-8000-${hex}`;
}

export interface PulseSet {
  notes: Note[];
  /** Set id (e.g. "lockfile-rev") → the note's UUID. */
  idOf: Map<string, string>;
  statements: LabelledStatement[];
  /** The corpus pages (folder names) the page notes quote. */
  pages: string[];
}

/** The set's notes as harvested notes (chat ones in their channel, page ones on their page) and statements. */
export function loadPulseSet(communityId?: string): PulseSet {
  const { notes: raw } = read<{ notes: SetNote[] }>('notes.json');
  const idOf = new Map<string, string>();
  const notes = raw.map((n, i): Note => {
    const id = noteUuid(n.id, i);
    idOf.set(n.id, id);
    const url = n.url ?? `https://chat.example.com/${n.channel}/${n.id}`;
    const t = Date.parse(`${n.date}T10:00:00Z`);
    return {
      schemaVersion: NOTE_SCHEMA_VERSION,
      id,
      kind: n.kind,
      quote: n.quote,
      takeaway: n.takeaway,
      tags: [],
      selectors: [],
      page: { url, canonicalUrl: url, title: n.page ? n.takeaway.slice(0, 60) : `#${n.channel}` },
      pageKey: pageKey(url),
      createdAt: t,
      updatedAt: t,
      ...(n.channel ? { chat: { platform: 'slack', channel: n.channel, messages: [] } } : {}),
      ...(communityId ? { communityId } : {}),
    };
  });
  const { groups } = read<{ groups: { answer: string | null; topic?: string; statements: string[] }[] }>(
    'statements.json',
  );
  const statements = groups.flatMap((g) => {
    if (g.answer !== null && !idOf.has(g.answer)) throw new Error(`statements.json names no note ${g.answer}`);
    const answer = g.answer === null ? null : idOf.get(g.answer)!;
    return g.statements.map((text) => ({ text, answer, topic: g.topic ?? g.answer! }));
  });
  const pages = [...new Set(raw.flatMap((n) => (n.page ? [n.page] : [])))];
  return { notes, idOf, statements, pages };
}

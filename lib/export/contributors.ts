import type { Note } from '../model';

/** Everyone who harvested or was quoted in these notes, in order of first appearance, each name once. */
export function contributorsOf(notes: Note[]): string[] {
  const names = new Map<string, string>();
  const add = (name: string | undefined) => {
    const n = name?.replace(/\s+/g, ' ').trim();
    if (n && !names.has(n.toLowerCase())) names.set(n.toLowerCase(), n);
  };
  for (const note of notes) {
    add(note.author?.name);
    for (const p of note.contributors ?? []) add(p.name);
    for (const m of note.chat?.messages ?? []) add(m.author);
  }
  return [...names.values()];
}

import { NOTE_KINDS, type Note } from '../model';
import { newestFirst, toCard } from './card';
import type { HarvestGroup, NoteCard } from './types';

/** This week's harvest by kind (in the model's kind order), newest first within a kind. */
export function harvestSection(weekNotes: readonly Note[], meIds: readonly string[], perKind = 12) {
  const byKind = new Map<string, NoteCard[]>();
  for (const n of weekNotes) {
    const list = byKind.get(n.kind) ?? [];
    list.push(toCard(n, meIds));
    byKind.set(n.kind, list);
  }
  const groups: HarvestGroup[] = [];
  for (const kind of NOTE_KINDS) {
    const list = byKind.get(kind);
    if (list) groups.push({ kind, notes: list.sort(newestFirst).slice(0, perKind) });
  }
  return { total: weekNotes.length, groups };
}

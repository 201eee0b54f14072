import type { ImpactSource } from './types';
import { NOTE_OPENED, openedSource } from './sources';

/** A note must have been open this long before we ask whether it helped: long enough to have used it. */
export const PROMPT_AFTER_MS = 60 * 60_000;
/** Openings older than this are not asked about: nobody remembers what a note did two weeks ago. */
export const PROMPT_WITHIN_MS = 7 * 24 * 60 * 60_000;

/** An opened event as the prompt reads it (the events table's rows). */
export interface OpenedEvent {
  type: string;
  noteId?: string;
  at: number;
  data?: unknown;
}

/** The opening a prompt asks about. `key` names the opening (note and time), so it is asked about once. */
export interface ImpactOpening {
  key: string;
  noteId: string;
  communityId: string;
  source: ImpactSource;
  openedAt: number;
}

export const openingKey = (noteId: string, at: number) => `${noteId}@${at}`;

/**
 * The opening to ask about now, if any: at most one prompt per local day (`today`, and `promptedDay` the last day
 * one was answered or dismissed); an opening from a ledger source, at least an hour old and at most a week, of a
 * note this member holds in a community (the answer goes to that community's endpoint), not yet answered or
 * dismissed. The newest such opening: the one most likely remembered.
 */
export function dueImpactPrompt(input: {
  events: readonly OpenedEvent[];
  /** Community of each note this browser holds in a community (personal notes have none). */
  communityOf: (noteId: string) => string | null | undefined;
  handled: ReadonlySet<string>;
  promptedDay: string | null;
  today: string;
  now: number;
}): ImpactOpening | null {
  if (input.promptedDay === input.today) return null;
  let best: ImpactOpening | null = null;
  for (const e of input.events) {
    if (e.type !== NOTE_OPENED || !e.noteId) continue;
    const source = openedSource(e.data);
    if (!source || e.at > input.now - PROMPT_AFTER_MS || e.at < input.now - PROMPT_WITHIN_MS) continue;
    const key = openingKey(e.noteId, e.at);
    if (input.handled.has(key)) continue;
    const communityId = input.communityOf(e.noteId);
    if (!communityId) continue;
    if (!best || e.at > best.openedAt) best = { key, noteId: e.noteId, communityId, source, openedAt: e.at };
  }
  return best;
}

import type { GhostReason } from './types';

/**
 * The new tab's sentences about numbers, worded as a person would say them and true of the data beside them:
 * no "1 notes", "waiting 0 d" or "0 opens". Pure, so each wording is unit-tested; `count` formats a number for
 * the reader's locale (the words themselves are English, as is the rest of the UI).
 */
export type CountFormat = (n: number) => string;

const plain: CountFormat = (n) => String(n);

/** "1 note", "3 notes". */
export function countOf(n: number, one: string, many: string, count: CountFormat = plain): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** Above this week's harvest. */
export const harvestSummary = (total: number, count?: CountFormat) =>
  `${countOf(total, 'note', 'notes', count)} this week`;

/** Above the open questions; the list is oldest first, which only needs saying when there are several. */
export const waitingSummary = (total: number, count?: CountFormat) =>
  total === 1
    ? '1 question is waiting for an answer'
    : `${countOf(total, 'question', 'questions', count)} are waiting for an answer, oldest first`;

/** Beside one open question: how long it has waited, in whole days since it was asked. */
export function waitingFor(ageDays: number, count: CountFormat = plain): string {
  if (ageDays <= 0) return 'asked today';
  if (ageDays === 1) return 'asked yesterday';
  return `waiting ${count(ageDays)} days`;
}

/** Beside a person to thank: what their note did for others, leaving out what did not happen. */
export function helpedPhrase(thanks: number, opens: number, count: CountFormat = plain): string {
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${count(n)} times`);
  const parts: string[] = [];
  if (thanks > 0) parts.push(`thanked ${times(thanks)}`);
  if (opens > 0) parts.push(`opened ${times(opens)} by others`);
  return parts.join(' and ');
}

/** The quiet-community banner's sentences, one per reason (see `ghostTown` for when each is true). */
export const GHOST_TEXT: Record<GhostReason, string> = {
  'questions-waiting-14d':
    'A question has waited more than two weeks for an answer, and no question was answered in that time.',
  'no-harvest-7d': 'Nothing has been harvested for a week.',
};

/**
 * Test-only: a community's quarter for lib/impact's tests, properties and benchmark, drawn from one seed with the
 * one note factory. Members' names are distinctive tokens (`Qx7Vela`) that no note text contains, so a test can
 * search the rendered report for any member's name.
 */
import type { Note, NoteKind } from '../model';
import { NOTE_KINDS } from '../model/note-kinds';
import type { ReportInput } from '../impact/figures';
import type { ImpactOutcome, ImpactSource, LedgerCell, LedgerSummary } from '../impact/types';
import { quarterOf } from '../impact/quarter';
import { makeBareNote } from './make-note';
import { seededRandom } from './seeded-random';

export const IMPACT_CM = '00000000-0000-4000-8000-00000000abcd';
const WORDS = ['rotate', 'staging', 'password', 'pairing', 'retro', 'template', 'deploy', 'cache', 'review', 'vpn'];

const SOURCES: ImpactSource[] = ['search', 'digest', 'poll-match', 'relay'];

export const memberName = (i: number) => `Qx${i}Vela`;
const memberId = (i: number) => `member-${i}`;

export interface WorldOptions {
  seed: number;
  notes: number;
  members: number;
  now: number;
  timeZone?: string;
  /** The zone the endpoint cuts the ledger's months in (the community's); the report's zone when not given. */
  ledgerTimeZone?: string;
  /** How many members consent to be named (the first ones). */
  named?: number;
  /** The ledger's smallest shown group (clamped to 5 by the report anyway). */
  k?: number;
  /** No ledger summary (the endpoint was unreachable). */
  isSummaryMissing?: boolean;
}

const uuid = (n: number) =>
  `0191${(n >>> 16).toString(16).padStart(4, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** Notes, question events and a ledger summary of one community, deterministic for a seed. */
export function impactWorld(o: WorldOptions): ReportInput {
  const rand = seededRandom(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const timeZone = o.timeZone ?? 'UTC';
  const q = quarterOf(o.now, timeZone);
  const start = q.from - 60 * 86_400_000;
  // A few members do most of the work, as in real communities: the author index is skewed towards 0.
  const author = () => {
    const i = Math.floor(rand() ** 2 * o.members);
    return { id: memberId(i), name: memberName(i) };
  };
  const notes: Note[] = [];
  const questions: Note[] = [];
  for (let i = 0; i < o.notes; i++) {
    const createdAt = Math.floor(start + rand() * (o.now - start));
    const roll = rand();
    const asked = questions.length ? pick(questions) : undefined;
    const kind: NoteKind = roll < 0.12 && asked ? 'answer' : pick(NOTE_KINDS);
    const links =
      kind === 'answer' && asked
        ? { answers: asked.id }
        : roll > 0.94 && notes.length
          ? { addsTo: pick(notes).id }
          : undefined;
    const note = makeBareNote({
      id: uuid(o.seed * 1_000_003 + i),
      kind,
      takeaway: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
      communityId: IMPACT_CM,
      author: author(),
      createdAt: kind === 'answer' && asked ? Math.max(createdAt, asked.createdAt + 60_000) : createdAt,
      updatedAt: createdAt,
      ...(links ? { links } : {}),
    });
    notes.push(note);
    if (kind === 'question') questions.push(note);
  }
  const questionEvents = Array.from({ length: Math.floor(o.notes / 20) }, (_, i) => ({
    type: 'me-too' as const,
    questionId: questions.length ? pick(questions).id : uuid(i),
    by: author().id,
    at: Math.floor(q.from + rand() * (o.now - q.from)),
  }));
  const events = Array.from({ length: Math.floor(o.notes / 50) }, () => ({
    type: 'duplicate-avoided',
    noteId: notes.length ? pick(notes).id : undefined,
    at: Math.floor(q.from + rand() * (o.now - q.from)),
  }));
  const ledgerCell = (): LedgerCell | null => {
    const members = Math.floor(rand() * (o.members + 1));
    if (rand() < 0.2) return null;
    const entries = members + Math.floor(rand() * 40);
    return {
      members,
      entries,
      minutesSaved: entries * 30,
      medianMinutes: 30,
      wins: members >> 1,
      stories: members >> 2,
    };
  };
  const outcomes = notes
    .filter((n) => n.kind === 'win' || n.kind === 'story')
    .slice(0, 12)
    .map((n) => ({
      noteId: pick(notes).id,
      outcome: n.kind as ImpactOutcome,
      outcomeNoteId: rand() < 0.8 ? n.id : null,
    }));
  const summary: LedgerSummary = {
    communityId: IMPACT_CM,
    from: new Date(q.from).toISOString(),
    to: new Date(q.to).toISOString(),
    timeZone: o.ledgerTimeZone ?? timeZone,
    k: o.k ?? 5,
    total: ledgerCell(),
    byMonth: q.months.map((m) => ({ month: m.key, cell: ledgerCell() })),
    bySource: SOURCES.map((source) => ({ source, cell: ledgerCell() })),
    outcomes,
    named: Array.from({ length: Math.min(o.named ?? 0, o.members) }, (_, i) => ({
      memberId: memberId(i),
      displayName: memberName(i),
    })),
  };
  return {
    communityId: IMPACT_CM,
    communityName: 'Makers',
    notes,
    questionEvents,
    events,
    summary: o.isSummaryMissing ? null : summary,
    ...(o.isSummaryMissing ? { summaryProblem: 'the endpoint did not answer.' } : {}),
    now: o.now,
    timeZone,
  };
}

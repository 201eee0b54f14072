import type { Note } from '../model';
import { noteTitle } from '../digest/card';
import type { DigestEvent, DigestThank, Ritual } from '../digest/types';
import { link, text, type Inline, type PostBlock, type RitualPost } from './document';
import { isAnnounceable, newestFirst, oldestFirst, openQuestions, personOf, type OpenQuestionView } from './harvest';
import { formatOccurrenceMarker } from './marker';
import { longDate, occurrenceOf, PERIOD, type Occurrence } from './occurrence';
import { creditsByReuse, peopleCount, type ReuseCredit } from './thanks';
import type { KnowledgeRequest } from '../pulse/knowledge-requests';

export interface ComposeInput {
  ritual: Ritual;
  communityId: string;
  /** The community's notes (others are ignored); deleted, private-channel and DM notes never reach a post. */
  notes: readonly Note[];
  events: readonly DigestEvent[];
  thanks: readonly DigestThank[];
  now: number;
  timeZone: string;
  /**
   * The pulse poll's gap list (lib/pulse knowledgeRequests): what members are blocked on that nothing
   * harvested answers. Only the huddle uses it; the words are members' own, shown without their names.
   */
  knowledgeRequests?: readonly KnowledgeRequest[];
}

/** Most items one list of a post holds: a post is read in a channel, not scrolled through. */
export const LIST_MAX = 10;
/** A question open this long is "stale" and goes on the huddle's agenda. */
export const STALE_MS = 7 * 86_400_000;
export const BLOCKER_TAGS: readonly string[] = ['blocker', 'blocked'];

const nameOf = (n: Note) => personOf(n).name || 'a member';
const noteLink = (n: Note): Inline => link(noteTitle(n), n.page.url);

/**
 * The post a facilitator gets for the ritual's next occurrence, composed from the community's harvest. Pure:
 * the same notes, events, thanks and `now` always give the same post. Null when the ritual's anchor is unreadable.
 */
export function composeRitualPost(input: ComposeInput): RitualPost | null {
  const occ = occurrenceOf(input.ritual, input.now, input.timeZone);
  if (!occ) return null;
  const notes = input.notes.filter((n) => n.communityId === input.communityId);
  const credits = creditsByReuse(notes, input.events, input.thanks, occ.since, input.now);
  const ctx = { ...input, notes, occ, credits };
  const body = BODY[input.ritual.kind](ctx);
  return {
    ritualId: input.ritual.id,
    kind: input.ritual.kind,
    communityId: input.communityId,
    title: `${input.ritual.title}: ${longDate(occ.day)}`,
    day: occ.day,
    blocks: [
      { type: 'heading', text: `${input.ritual.title}: ${longDate(occ.day)}` },
      ...body,
      ...thanksBlocks(credits, PERIOD[input.ritual.cadence]),
      { type: 'divider' },
      { type: 'context', content: [text('Composed by Commonplace from what this community harvested.')] },
      // The occurrence line: how "Harvest thread" knows this post when its thread comes back (lib/rituals/marker).
      { type: 'context', content: [text(formatOccurrenceMarker({ kind: input.ritual.kind, day: occ.day }))] },
    ],
  };
}

interface Ctx extends ComposeInput {
  occ: Occurrence;
  credits: ReuseCredit[];
}

const BODY: Record<Ritual['kind'], (c: Ctx) => PostBlock[]> = {
  ama: amaBody,
  huddle: huddleBody,
  'show-and-tell': showAndTellBody,
  'win-thread': winThreadBody,
};

function questionItem(q: OpenQuestionView): Inline[] {
  const out = [noteLink(q.note), text(` (asked by ${nameOf(q.note)}`)];
  if (q.meToos > 0) out.push(text(`; ${peopleCount(q.meToos)} asked too`));
  out.push(text(')'));
  return out;
}

/** AMA: the open questions, those most members asked too first. */
function amaBody(c: Ctx): PostBlock[] {
  const qs = openQuestions(c.notes).sort((a, b) => b.meToos - a.meToos || oldestFirst(a.note, b.note));
  if (qs.length === 0) {
    return [
      para(`No question is waiting for an answer right now. Ask yours in this thread before ${longDate(c.occ.day)}.`),
    ];
  }
  return [
    para(
      `Our AMA is on ${longDate(c.occ.day)}. These questions are still open, the ones most of you asked too first. ` +
        'Add yours in this thread.',
    ),
    { type: 'list', items: qs.slice(0, LIST_MAX).map(questionItem) },
  ];
}

/** Huddle: questions open for a week or more, then notes marked as blockers. */
function huddleBody(c: Ctx): PostBlock[] {
  const open = openQuestions(c.notes);
  const stale = open.filter((q) => c.now - q.note.createdAt >= STALE_MS).sort((a, b) => oldestFirst(a.note, b.note));
  const staleIds = new Set(stale.map((q) => q.note.id));
  const answered = new Set(c.notes.filter((n) => n.deletedAt === undefined).map((n) => n.links?.answers));
  const blockers = c.notes
    .filter((n) => isAnnounceable(n) && !staleIds.has(n.id) && !answered.has(n.id))
    .filter((n) => n.tags.some((t) => BLOCKER_TAGS.includes(t)))
    .sort(oldestFirst);
  const out: PostBlock[] = [
    para(`Problem-solving huddle on ${longDate(c.occ.day)}: let's unblock each other. On the agenda:`),
  ];
  out.push({ type: 'heading', text: 'Questions waiting a week or more' });
  out.push(
    stale.length > 0
      ? { type: 'list', items: stale.slice(0, LIST_MAX).map(questionItem) }
      : para('None: every question got an answer within a week.'),
  );
  out.push({ type: 'heading', text: 'Blockers' });
  out.push(
    blockers.length > 0
      ? { type: 'list', items: blockers.slice(0, LIST_MAX).map((n) => [noteLink(n), text(` (${nameOf(n)})`)]) }
      : para('No blocker was harvested. Bring yours to the huddle.'),
  );
  const requests = c.knowledgeRequests ?? [];
  if (requests.length > 0) {
    out.push({ type: 'heading', text: 'Knowledge requests from the pulse poll' });
    out.push({
      type: 'list',
      items: requests
        .slice(0, LIST_MAX)
        .map((r) => [text(`${r.summary} (${r.people === 1 ? '1 person' : `${r.people} people`} blocked)`)]),
    });
  }
  return out;
}

/** Show & tell: the wins and stories since the last one, and the people to invite to present them. */
function showAndTellBody(c: Ctx): PostBlock[] {
  const items = c.notes
    .filter((n) => isAnnounceable(n) && (n.kind === 'win' || n.kind === 'story'))
    .filter((n) => n.createdAt >= c.occ.since && n.createdAt <= c.now)
    .sort(newestFirst);
  if (items.length === 0) {
    return [
      para(`Show & tell on ${longDate(c.occ.day)}. No win or story was harvested this quarter: reply with yours.`),
    ];
  }
  const invite = new Map<string, { name: string; count: number }>();
  for (const n of items) {
    const p = personOf(n);
    const e = invite.get(p.id) ?? { name: p.name || 'a member', count: 0 };
    e.count++;
    invite.set(p.id, e);
  }
  const people = [...invite.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, 8)
    .map(([, e]) => e.name);
  return [
    para(`Show & tell on ${longDate(c.occ.day)}. The wins and stories of the quarter:`),
    {
      type: 'list',
      items: items.slice(0, LIST_MAX).map((n) => [noteLink(n), text(` (${n.kind}, ${nameOf(n)})`)]),
    },
    { type: 'heading', text: 'People to invite' },
    para(`${people.join(', ')}: would you show us?`),
  ];
}

/** Win of the week: the thread's starter, naming the wins harvested since last week's thread. */
function winThreadBody(c: Ctx): PostBlock[] {
  const wins = c.notes
    .filter((n) => isAnnounceable(n) && n.kind === 'win' && n.createdAt >= c.occ.since && n.createdAt <= c.now)
    .sort(newestFirst);
  const ask = para('What went well for you this week? Reply in this thread with your win, big or small.');
  if (wins.length === 0) return [ask, para('No win was harvested last week: be the first.')];
  return [
    ask,
    para("Last week's wins:"),
    { type: 'list', items: wins.slice(0, LIST_MAX).map((n) => [noteLink(n), text(` (${nameOf(n)})`)]) },
  ];
}

function thanksBlocks(credits: readonly ReuseCredit[], period: string): PostBlock[] {
  if (credits.length === 0) return [];
  return [
    { type: 'heading', text: 'People to thank' },
    {
      type: 'list',
      items: credits.map((c) => [
        text(`Thanks, ${c.person.name || 'a member'} — your note saved ${peopleCount(c.reuses)} time ${period}: `),
        link(noteTitle(c.note), c.note.page.url),
      ]),
    },
  ];
}

const para = (t: string): PostBlock => ({ type: 'paragraph', content: [text(t)] });

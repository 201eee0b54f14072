import { noteTitle } from '../digest/card';
import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { err, ok, type Result } from '../model';
import { knowledgeRequests, type KnowledgeRequest } from '../pulse/knowledge-requests';
import { matchAnswer } from '../pulse/match';
import { openOccurrence, upcomingOccurrence } from '../pulse/schedule';
import type { AnswerInput, OpenPoll, Poll, PollResults } from '../pulse/schema';
import { solvedPhrase } from '../pulse/solved-phrase';
import { SimilarityIndex } from '../similarity';
import { answerPoll, fetchOpenPolls, fetchPollResults, fetchPolls, type PollAccess } from './polls';
import { describeCallError, type Fetcher } from './transport';

/** One open occurrence in one community, as the new tab shows it. */
export interface PulseItem extends OpenPoll {
  communityId: string;
  communityName: string;
  /** Once answered: the results as the endpoint lets this member see them (withheld below k). */
  results?: PollResults;
  /** The gap list, when results are shown and the poll is free text. */
  requests?: KnowledgeRequest[];
}

/** The note of the harvest that answers what the member just said they are blocked on. */
export interface PulseMatch {
  noteId: string;
  title: string;
  phrase: string;
}

/**
 * The new tab's pulse polls: the occurrences open for this member in each community (the endpoint's clock
 * decides), answers sent there, and each free-text answer matched at once against this browser's copy of the
 * community's harvest (lib/pulse). Results and their gap list only as the endpoint releases them (at k).
 */
export function pulseDesk(db: CommonplaceDb, fetcher: Fetcher) {
  const state = syncState(db);
  async function access(communityId: string): Promise<PollAccess | null> {
    const m = await state.membership(communityId);
    return m ? { fetcher, endpoint: m.endpoint, token: m.token } : null;
  }
  async function harvestIndex(communityId: string) {
    const notes = await db.notes.where('communityId').equals(communityId).toArray();
    return SimilarityIndex.build(notes.filter((n) => n.deletedAt === undefined));
  }
  async function withGaps(communityId: string, poll: Poll, results: PollResults): Promise<KnowledgeRequest[]> {
    if (results.isWithheld || poll.choices.length || !results.answers?.length) return [];
    return knowledgeRequests(await harvestIndex(communityId), results.answers).requests;
  }

  return {
    async load(now: number): Promise<Result<PulseItem[]>> {
      const items: PulseItem[] = [];
      const problems: string[] = [];
      for (const m of await state.memberships()) {
        if (!m.isEnabled) continue;
        const a: PollAccess = { fetcher, endpoint: m.endpoint, token: m.token };
        const open = await fetchOpenPolls(a, now);
        if (!open.ok) {
          problems.push(`${m.communityName}: ${describeCallError(open.error)}`);
          continue;
        }
        for (const o of open.value) {
          const item: PulseItem = { ...o, communityId: m.communityId, communityName: m.communityName };
          if (o.hasAnswered) {
            const r = await fetchPollResults(a, o.poll.id, o.occurrence.key, now);
            if (r.ok) {
              item.results = r.value;
              item.requests = await withGaps(m.communityId, o.poll, r.value);
            }
          }
          items.push(item);
        }
      }
      if (problems.length && !items.length) return err(`Polls unavailable: ${problems.join('; ')}`);
      return ok(items);
    },

    /** Sends the answer; a free-text one is matched against the harvest right away. */
    async answer(
      item: PulseItem,
      answer: AnswerInput,
      now: number,
      timeZone: string,
    ): Promise<Result<{ results: PollResults; match: PulseMatch | null }>> {
      const a = await access(item.communityId);
      if (!a) return err('Not sent: this browser is no longer a member of that community.');
      const res = await answerPoll(a, item.poll.id, item.occurrence.key, answer, now);
      if (!res.ok) return err(`Not sent: ${describeCallError(res.error)}`);
      let match: PulseMatch | null = null;
      if ('text' in answer) {
        const index = await harvestIndex(item.communityId);
        const m = matchAnswer(index, answer.text);
        const note = m && index.noteById(m.id);
        if (note) match = { noteId: note.id, title: noteTitle(note), phrase: solvedPhrase(note, now, timeZone) };
      }
      return ok({ results: res.value, match });
    },

    /**
     * The gap list for a community's next huddle: the free-text polls' open occurrence (or the last one that
     * closed), once their results are released. Empty when withheld: nobody's words leave below k.
     */
    async huddleRequests(communityId: string, now: number): Promise<KnowledgeRequest[]> {
      const a = await access(communityId);
      if (!a) return [];
      const polls = await fetchPolls(a, now);
      if (!polls.ok) return [];
      const out: KnowledgeRequest[] = [];
      for (const poll of polls.value.filter((p) => p.isActive && !p.choices.length)) {
        const occ = openOccurrence(poll, now) ?? lastClosed(poll, now);
        if (!occ) continue;
        const r = await fetchPollResults(a, poll.id, occ.key, now);
        if (r.ok) out.push(...(await withGaps(communityId, poll, r.value)));
      }
      return out.sort((x, y) => y.people - x.people);
    },
  };
}
export type PulseDesk = ReturnType<typeof pulseDesk>;

/** The latest occurrence whose window closed at or before `now` (within the last quarter and a bit). */
function lastClosed(poll: Poll, now: number) {
  let at = now - 100 * 86_400_000;
  let last: ReturnType<typeof upcomingOccurrence> = null;
  for (let occ = upcomingOccurrence(poll, at); occ && occ.closesAt <= now; occ = upcomingOccurrence(poll, at)) {
    last = occ;
    at = occ.closesAt;
  }
  return last;
}

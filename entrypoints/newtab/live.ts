import { db } from '@/lib/db';
import { eventsRepository } from '@/lib/db/events';
import { thanksRepository } from '@/lib/db/thanks';
import { digestRequest, loadDigest, loadDigestByFullScan, prepareDigest, readIdentity } from '@/lib/db/digest-engine';
import { readDigestSettings } from '@/lib/db/digest-settings';
import type { Digest, Identity, PersonToThank, Ritual } from '@/lib/digest';
import { composeRitualPost } from '@/lib/rituals';
import { sendToBackground } from '@/lib/messaging/messenger';
import { announceDigestStored } from '@/lib/messaging/protocol';
import { loadQuestionBoard } from '@/lib/db/question-board';
import { loadWhoMightKnow } from '@/lib/db/who-might-know';
import type { BoardLine } from '@/lib/questions';
import { relayAnswer, type RelayView } from '@/lib/messaging/relay-answer';
import { questionBoardFrom } from '@/lib/messaging/question-board-source';
import { recordQuestionEvent } from '@/lib/sync/question-events';
import { calendarFeeds } from '@/lib/sync/calendar-feed';
import { ritualWebhooks } from '@/lib/sync/ritual-webhook';
import { answerQuestion, searchLines, thankContributor } from './actions';
import { logger } from '@/lib/log';
import { pulseDesk } from '@/lib/sync/pulse-desk';
import { impactDesk } from '@/lib/sync/impact-desk';
import { reportCommunities } from '@/lib/db/impact-report';

const log = logger('new tab');

/**
 * Everything of the new tab that needs Dexie (and the notes repository's validation): loaded after the first
 * paint, or at once when the page must compute the digest itself.
 */
export const search = searchLines;

/** Each community's rituals calendar feed, through this browser's membership token. */
export const calendar = calendarFeeds(db, (url, init) => fetch(url, init));

/** Each community's ritual webhook ("Post via webhook" in the composer), through this browser's membership. */
export const webhooks = ritualWebhooks(db, (url, init) => fetch(url, init));

/** Computes and stores the digest in the page (the stored one is for another day, zone or settings). */
export async function computeHere(now: number, timeZone: string, isFullScan = false): Promise<Digest> {
  const [identity, { rawRituals }] = await Promise.all([readIdentity(db), readDigestSettings()]);
  const req = digestRequest(identity, rawRituals, now, timeZone);
  if (isFullScan) return loadDigestByFullScan(db, req);
  const { digest, store } = await prepareDigest(db, req);
  // Stored once the page has painted it: the write (the index is the biggest row) would delay the paint. When the
  // notes' count, taken then, does not confirm what the digest was built on, the digest is computed again counting
  // them, and the page shows that one (announced as any stored digest is).
  const storeOrRedo = async () => (await store()) || (await loadDigest(db, req, undefined, { isCounted: true }), true);
  afterPaint(() => void storeOrRedo().then(announceDigestStored, log.failed('store digest')));
  return digest;
}

/** After the next frame; at once in a hidden page, which paints no frames. */
function afterPaint(run: () => void) {
  if (document.hidden) setTimeout(run);
  else requestAnimationFrame(() => setTimeout(run));
}

/** Pulse polls through the page's own fetch (the endpoint allows any origin), as the options page does. */
export const pulse = pulseDesk(db, (url, init) => fetch(url, init));

/** The impact prompt ("Did this save you time?"): answers queue here and go to the endpoint through fetch. */
export const impact = impactDesk(db, (url, init) => fetch(url, init));

/** The background indexes what this page wrote and refreshes the digest, as for its own writes. */
const written = (id: string) => void sendToBackground('notesWritten', { ids: [id] }).catch(log.failed('notesWritten'));

export const answer = (identity: Identity, questionId: string, text: string) =>
  answerQuestion(db, identity, questionId, text, written);
export const thank = async (identity: Identity, p: PersonToThank) => {
  const problem = await thankContributor(db, identity, p);
  if (problem === null) written(p.note.id);
  return problem;
};

/** The ritual's next post, composed from the community's notes, recent events and thanks (lib/rituals). */
export async function composeRitual(communityId: string, ritual: Ritual, now: number, timeZone: string) {
  const since = now - RITUAL_LOOKBACK_MS;
  const [notes, events, thanks] = await Promise.all([
    db.notes.where('communityId').equals(communityId).toArray(),
    eventsRepository(db).since(since),
    thanksRepository(db).ofCommunity(communityId),
  ]);
  // The huddle's agenda carries the pulse poll's gap list, once the endpoint releases its results.
  const knowledgeRequests = ritual.kind === 'huddle' ? await pulse.huddleRequests(communityId, now) : [];
  return composeRitualPost({ ritual, communityId, notes, events, thanks, now, timeZone, knowledgeRequests });
}
/** Reuse is counted since a ritual's previous occurrence: a quarter at most, with a margin for long months. */
const RITUAL_LOOKBACK_MS = 100 * 86_400_000;

/**
 * The question model for this member: states, what the ladder brought them, what they may confirm. From the
 * board the background keeps; read here when it does not answer (said in the log).
 */
export const questions = (now: number) =>
  questionBoardFrom(
    () => sendToBackground('questionBoard', { now }),
    () => loadQuestionBoard(db, now),
    (why, detail) => log.info(`question board read here: the background's ${why}`, detail),
  );

/** "Who might know" for one open question (lib/expertise through lib/db/who-might-know). */
export const whoMightKnow = async (questionId: string, now: number) =>
  (await loadWhoMightKnow(db, [questionId], now))[questionId] ?? [];

/** "Did this answer it?": stored and queued for sync; the background then syncs and refreshes the digest. */
export async function confirm(line: BoardLine, isAnswered: boolean, now: number): Promise<string | null> {
  const r = await recordQuestionEvent(
    db,
    line.card.id,
    { type: 'confirmed', isAnswered, ...(line.answerId ? { answerId: line.answerId } : {}) },
    now,
  );
  if (!r.ok) return r.error;
  written(line.card.id);
  return null;
}

/** "Relay answer" from the new tab's list: see relayAnswer. */
export async function relay(line: BoardLine, replaceUserDraft: boolean): Promise<RelayView> {
  if (!line.answerId) return { kind: 'error', message: 'This question has no answer to relay yet.' };
  return relayAnswer({ questionId: line.card.id, answerId: line.answerId, replaceUserDraft, from: 'newtab' });
}

/** Whether this browser facilitates a community, and so has an impact report to offer. */
export const isFacilitator = async () => (await reportCommunities(db)).length > 0;

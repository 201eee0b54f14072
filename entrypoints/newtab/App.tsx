import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DigestSearch } from '@/components/digest/DigestSearch';
import { DigestView, type DigestActions } from '@/components/digest/DigestView';
import { onDigestStored } from '@/lib/messaging/protocol';
import type { Digest, Freshness } from '@/lib/digest';
import type { QuestionBoard } from '@/lib/questions';
import { PulseSection, type PulseActions } from '@/components/pulse/PulseSection';
import type { PulseItem } from '@/lib/sync/pulse-desk';
import { readBoot, type Boot } from './boot';
import { minimalMode, ritualSchedules } from './settings';
import type { ImpactSource } from '@/lib/impact/types';
import { ImpactPrompt, type ImpactPromptActions } from '@/components/impact/ImpactPrompt';
import type { ImpactPromptView } from '@/lib/sync/impact-desk';

/** `?digest=full-scan` computes the naive way in the page: the benchmark's baseline, side by side. */
const isFullScan = new URLSearchParams(location.search).get('digest') === 'full-scan';
/** How long a pending digest may keep the page waiting for the background before the page computes it. */
const PENDING_WAIT_MS = 3000;

const live = () => import('./live');
type State = 'ready' | 'updating' | 'loading';

/**
 * The new tab: search first, then the digest the background stored, painted at once. The page computes only
 * when the stored digest is for another day, zone or settings (or there is none), showing the stale one meanwhile.
 */
export function App({ boot: first }: { boot: Boot }) {
  const [boot, setBoot] = useState(first);
  const [digest, setDigest] = useState<Digest | null>(isFullScan ? null : (first.ready?.digest ?? null));
  const [state, setState] = useState<State>(isFullScan ? 'loading' : stateOf(first.freshness));
  const [isMinimal, setMinimal] = useState(first.isMinimal);
  const [error, setError] = useState<string | null>(null);
  const [questions, setQuestions] = useState<QuestionBoard | null>(null);
  const computing = useRef<Promise<void> | null>(null);
  const failed = useCallback((e: unknown) => setError(e instanceof Error ? e.message : String(e)), []);
  // The question model is computed here, after the first paint, from the questions and answers alone.
  const loadQuestions = useCallback(
    () =>
      live()
        .then((m) => m.questions(Date.now()))
        .then(setQuestions, failed),
    [failed],
  );
  // A tab with no digest yet (after install or a big import) computes one first: the board (every question and
  // answer note) would share IndexedDB and this thread with that, so it waits for the digest (or its failure).
  const isDigestSettled = digest !== null || error !== null;
  useEffect(() => {
    if (!first.isMinimal && isDigestSettled) void loadQuestions();
  }, [first.isMinimal, loadQuestions, digest, isDigestSettled]);
  // Pulse polls come from the endpoints, after the first paint; a failure is said, the digest stays.
  const [pulse, setPulse] = useState<PulseItem[]>([]);
  const [pulseProblem, setPulseProblem] = useState<string | null>(null);
  const loadPulse = useCallback(
    () =>
      live()
        .then((m) => m.pulse.load(Date.now()))
        .then((r) => (r.ok ? (setPulse(r.value), setPulseProblem(null)) : setPulseProblem(r.error)), failed),
    [failed],
  );
  useEffect(() => {
    if (!first.isMinimal) void loadPulse();
  }, [first.isMinimal, loadPulse]);
  // Facilitators get the quarterly impact report from here, once known (after the first paint).
  const [isFacilitator, setFacilitator] = useState(false);
  useEffect(() => {
    void live()
      .then((m) => m.isFacilitator())
      .then(setFacilitator, failed);
  }, [failed]);
  const pulseActions = useMemo<PulseActions>(
    () => ({
      async answer(item, answer) {
        const r = await (await live()).pulse.answer(item, answer, Date.now(), first.timeZone);
        return r.ok ? { problem: null, match: r.value.match, results: r.value.results } : { problem: r.error };
      },
      openNote: (id) =>
        void import('@/lib/messaging/messenger').then((m) =>
          m.sendToBackground('openNote', { id, source: 'poll-match' }),
        ),
    }),
    [first.timeZone],
  );

  // The impact prompt: one opening a day, asked an hour or more after it (lib/impact/prompt).
  const [impactView, setImpactView] = useState<ImpactPromptView | null>(null);
  useEffect(() => {
    if (first.isMinimal) return;
    void live()
      .then((m) => m.impact.due(Date.now(), first.timeZone))
      .then(setImpactView, failed);
  }, [first.isMinimal, first.timeZone, failed]);
  const impactActions = useMemo<ImpactPromptActions>(
    () => ({
      async answer(view, answer) {
        const sent = await (await live()).impact.answer(view.opening, answer, Date.now(), first.timeZone);
        return sent.waiting > 0
          ? 'Thanks. Saved here; it goes to your community as soon as the endpoint can be reached.'
          : sent.setAside > 0
            ? 'Thanks. The endpoint refused it; your answer is kept in this browser.'
            : 'Thanks, noted for your community’s impact report.';
      },
      dismiss: async (view) => (await live()).impact.dismiss(view.opening, Date.now(), first.timeZone),
    }),
    [first.timeZone],
  );

  const computeHere = useCallback(() => {
    computing.current ??= live()
      .then((m) => m.computeHere(Date.now(), first.timeZone, isFullScan))
      .then((d) => {
        setDigest(d);
        setState('ready');
      })
      .catch(failed)
      .finally(() => (computing.current = null));
    return computing.current;
  }, [first.timeZone, failed]);

  // Re-read what the background (or another tab) stored; compute here if it is not for us.
  const reread = useCallback(async () => {
    const next = await readBoot(Date.now(), first.timeZone);
    setBoot(next);
    setMinimal(next.isMinimal);
    if (next.ready) setDigest(next.ready.digest);
    if (next.freshness === 'current') setState('ready');
    return next;
  }, [first.timeZone]);

  useEffect(() => {
    const stop = onDigestStored(() => void (isFullScan ? null : reread().catch(failed)));
    // The background may have stored the new digest between the boot read and this subscription: its
    // broadcast then reached no one, and the page would wait out PENDING_WAIT_MS. Look once, now.
    const look = first.freshness === 'pending' && !isFullScan ? setTimeout(() => void reread().catch(failed)) : 0;
    return () => {
      clearTimeout(look);
      stop();
    };
  }, [first.freshness, reread, failed]);

  useEffect(() => {
    if (first.isMinimal) return;
    if (isFullScan || first.freshness === 'stale' || first.freshness === 'none') {
      void computeHere();
      return;
    }
    if (first.freshness !== 'pending') return;
    // The background is on it; if it was killed mid-way, the page does the work.
    const t = setTimeout(() => {
      void reread().then((next) => {
        if (next.freshness !== 'current') return computeHere();
      }, failed);
    }, PENDING_WAIT_MS);
    return () => clearTimeout(t);
  }, [first, computeHere, reread, failed]);

  useLayoutEffect(() => {
    if (digest && !performance.getEntriesByName('digest-rendered').length) performance.mark('digest-rendered');
  }, [digest]);
  useLayoutEffect(() => {
    if (questions && !performance.getEntriesByName('questions-rendered').length) performance.mark('questions-rendered');
  }, [questions]);
  useEffect(() => {
    if (state === 'ready' && digest && !performance.getEntriesByName('digest-complete').length) {
      performance.mark('digest-complete');
    }
  }, [state, digest]);

  const search = useMemo(() => async (q: string) => (await live()).search(q), []);
  const identity = boot.identity;
  const actions = useMemo<DigestActions>(
    () => ({
      async answer(questionId, text) {
        const problem = await (await live()).answer(identity, questionId, text);
        if (!problem) await computeHere();
        return problem;
      },
      async confirm(line, isAnswered) {
        const problem = await (await live()).confirm(line, isAnswered, Date.now());
        if (!problem) await Promise.all([computeHere(), loadQuestions()]);
        return problem;
      },
      async thank(p) {
        const problem = await (await live()).thank(identity, p);
        if (!problem) await computeHere();
        return problem;
      },
      saveRituals(communityId, rituals) {
        const all = { ...((boot.rawRituals ?? {}) as object), [communityId]: rituals };
        void ritualSchedules
          .setValue(all)
          .then(() => setBoot((b) => ({ ...b, rawRituals: all })))
          .then(computeHere)
          .catch(failed);
        // A subscribed calendar shows the edited schedule at its next refresh (same address).
        void live()
          .then((l) => l.calendar.update(communityId, rituals, first.timeZone))
          .then((r) => (r.ok ? undefined : failed(r.error)))
          .catch(failed);
      },
      composeRitual: async (communityId, ritual) =>
        (await live()).composeRitual(communityId, ritual, Date.now(), first.timeZone),
      copyText: (text) => navigator.clipboard.writeText(text),
      calendarFeed: (communityId, rituals) =>
        identity.memberIds[communityId]
          ? {
              load: async () => (await live()).calendar.load(communityId),
              subscribe: async () => (await live()).calendar.subscribe(communityId, rituals, first.timeZone),
              revoke: async () => (await live()).calendar.revoke(communityId),
              copy: (text) => navigator.clipboard.writeText(text),
            }
          : null,
      ritualWebhook: (communityId, ritual) =>
        identity.memberIds[communityId]
          ? {
              load: async () => (await live()).webhooks.load(communityId, 'facilitator'),
              post: async (day, text) => (await live()).webhooks.post(communityId, { ritualId: ritual.id, day, text }),
              delivery: async (key) => (await live()).webhooks.delivery(communityId, key),
            }
          : undefined,
      whoMightKnow: async (questionId) => (await live()).whoMightKnow(questionId, Date.now()),
      openAnswer: (answerId) =>
        void import('@/lib/messaging/messenger').then((m) =>
          m.sendToBackground('openNote', { id: answerId, source: 'relay' }),
        ),
      async relay(line, replaceUserDraft) {
        const view = await (await live()).relay(line, replaceUserDraft);
        if (view.kind === 'written') await loadQuestions();
        return view;
      },
    }),
    [identity, boot.rawRituals, computeHere, failed, first.timeZone, loadQuestions],
  );
  const toggleMinimal = async () => {
    await minimalMode.setValue(!isMinimal);
    setMinimal(!isMinimal);
    if (isMinimal) await computeHere();
  };
  // The messaging module loads on the first open, keeping it off the first paint.
  const open = (id: string, source: ImpactSource = 'search') =>
    void import('@/lib/messaging/messenger').then((m) => m.sendToBackground('openNote', { id, source }));
  /** The digest's note lines are plain links (they open the page itself): their openings are recorded here. */
  const recordDigestOpen = (e: React.MouseEvent) => {
    const link = (e.target as Element).closest?.('a[data-note-id]');
    const noteId = link?.getAttribute('data-note-id');
    if (!noteId || (e.type === 'auxclick' && e.button !== 1)) return;
    void import('@/lib/messaging/messenger').then((m) =>
      m.sendToBackground('recordNoteOpened', { noteId, source: 'digest' }),
    );
  };

  return (
    <main
      className="newtab"
      data-state={isMinimal ? 'minimal' : state}
      onClick={recordDigestOpen}
      onAuxClick={recordDigestOpen}
    >
      <header className="newtab-header">
        <h1>Commonplace</h1>
        {isFacilitator && <a href="report.html">Impact report</a>}
        <button type="button" onClick={() => void toggleMinimal().catch(failed)} aria-pressed={isMinimal}>
          Minimal mode
        </button>
      </header>
      <DigestSearch search={search} onOpen={open} />
      {error && (
        <p role="alert" className="error">
          The digest could not be read: {error}
        </p>
      )}
      {!isMinimal && state === 'updating' && (
        <p className="updating" role="status">
          Updating…
        </p>
      )}
      {!isMinimal && impactView && <ImpactPrompt view={impactView} actions={impactActions} />}
      {!isMinimal && <PulseSection items={pulse} actions={pulseActions} />}
      {!isMinimal && pulseProblem && <p className="error">{pulseProblem}</p>}
      {!isMinimal && digest && (
        <DigestView
          digest={digest}
          now={boot.now}
          names={identity.communityNames}
          actions={actions}
          questions={questions}
        />
      )}
      {!isMinimal && !digest && !error && <p className="loading">Gathering your community’s pulse…</p>}
    </main>
  );
}

function stateOf(f: Freshness): State {
  return f === 'current' ? 'ready' : f === 'none' ? 'loading' : 'updating';
}

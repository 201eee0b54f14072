import { useCallback, useEffect, useMemo, useState } from 'react';
import { DigestSearch } from '@/components/digest/DigestSearch';
import { DigestView, type DigestActions } from '@/components/digest/DigestView';
import { db } from '@/lib/db';
import { dayString, localDay, parseSchedules, type Digest, type Ritual } from '@/lib/digest';
import { answerQuestion, lazySearch, thankContributor } from './actions';
import { cachedDigest, loadDigest, loadDigestByFullScan, type DigestRequest } from './digest-source';
import { meIdsOf, readIdentity, type Identity } from './identity';
import { minimalMode, ritualSchedules } from './settings';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** `?digest=full-scan` computes the naive way: the benchmark's baseline, side by side in the same browser. */
const isFullScan = new URLSearchParams(location.search).get('digest') === 'full-scan';

/** The new tab: search first, then the digest straight from IndexedDB (yesterday's-tab cache painted at once). */
export function App() {
  const [digest, setDigest] = useState<Digest | null>(null);
  const [isFresh, setFresh] = useState(false);
  const [isMinimal, setMinimal] = useState<boolean | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [schedules, setSchedules] = useState<Record<string, Ritual[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const search = useMemo(() => lazySearch(db), []);

  const refresh = useCallback(async () => {
    performance.mark('digest-start');
    const t = Date.now();
    if (!isFullScan) {
      // Paint today's last digest while the fresh one is computed (usually they are the same).
      void cachedDigest(db, dayString(localDay(t, timeZone)), timeZone).then((stale) => {
        if (stale) setDigest((d) => d ?? stale);
      });
    }
    const [who, minimal, stored] = await Promise.all([
      readIdentity(db),
      minimalMode.getValue(),
      ritualSchedules.getValue(),
    ]);
    performance.mark('digest-settings-read');
    const rituals = parseSchedules(stored);
    setIdentity(who);
    setMinimal(minimal);
    setSchedules(rituals);
    if (minimal) return;
    const req: DigestRequest = { now: t, timeZone, settings: { meIds: meIdsOf(who), rituals } };
    const fresh = await (isFullScan ? loadDigestByFullScan(db, req) : loadDigest(db, req));
    performance.mark('digest-computed');
    setNow(t);
    setDigest(fresh);
    setFresh(true);
  }, []);

  useEffect(() => {
    const failed = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    Promise.resolve().then(refresh).catch(failed);
  }, [refresh]);
  useEffect(() => {
    if (isFresh) performance.mark('digest-complete');
  }, [isFresh, digest]);

  const actions: DigestActions | null = identity && {
    async answer(questionId, text) {
      const problem = await answerQuestion(db, identity, questionId, text);
      if (!problem) await refresh();
      return problem;
    },
    async thank(p) {
      const problem = await thankContributor(db, identity, p);
      if (!problem) await refresh();
      return problem;
    },
    saveRituals(communityId, rituals) {
      void ritualSchedules.setValue({ ...schedules, [communityId]: rituals }).then(refresh);
    },
  };
  const toggleMinimal = async () => {
    await minimalMode.setValue(!isMinimal);
    await refresh();
  };
  // The messaging module loads on the first open, keeping it off the first paint.
  const open = (id: string) => void import('@/lib/messaging/protocol').then((m) => m.sendMessage('openNote', { id }));

  return (
    <main className="newtab" data-state={isMinimal ? 'minimal' : isFresh ? 'ready' : 'loading'}>
      <header className="newtab-header">
        <h1>Commonplace</h1>
        <button type="button" onClick={() => void toggleMinimal()} aria-pressed={isMinimal === true}>
          Minimal mode
        </button>
      </header>
      <DigestSearch search={search} onOpen={open} />
      {error && (
        <p role="alert" className="error">
          The digest could not be read: {error}
        </p>
      )}
      {!isMinimal && digest && actions && (
        <DigestView digest={digest} now={now} names={identity?.communityNames ?? {}} actions={actions} />
      )}
      {!isMinimal && !digest && !error && <p className="loading">Gathering your community’s pulse…</p>}
    </main>
  );
}

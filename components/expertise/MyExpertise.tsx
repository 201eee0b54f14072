import { useEffect, useId, useState } from 'react';
import type { OwnTopic } from '@/lib/expertise/own-profile';
import type { Result } from '@/lib/model';
import { noteHref } from './WhoMightKnow';

export interface MyExpertiseActions {
  loadProfile(): Promise<OwnTopic[]>;
  /** Whether you are opted out (the endpoint's word). */
  loadSetting(): Promise<Result<boolean>>;
  setOptedOut(isOptedOut: boolean): Promise<Result<boolean>>;
}

/**
 * Your own who-knows-what profile in one community (private evidence included: it is yours, and marked as
 * visible only to you) and the switch "Suggest me as someone who might know", bound to the endpoint. A refusal
 * is said in words and the switch stays where the endpoint has it.
 */
export function MyExpertise({
  communityName,
  actions,
  pausedReason,
}: {
  communityName: string;
  actions: MyExpertiseActions;
  /** Set when this browser does not talk to the endpoint for this community: the switch waits, said in words. */
  pausedReason?: string;
}) {
  const id = useId();
  const [topics, setTopics] = useState<OwnTopic[] | null>(null);
  const [isOptedOut, setOptedOut] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    let isLive = true;
    actions.loadProfile().then(
      (t) => isLive && setTopics(t),
      (e: unknown) => isLive && setProblem(`Your profile could not be read: ${String(e)}`),
    );
    if (pausedReason === undefined)
      void actions.loadSetting().then((r) => {
        if (!isLive) return;
        if (r.ok) setOptedOut(r.value);
        else setProblem(r.error);
      });
    return () => {
      isLive = false;
    };
  }, [actions, pausedReason]);
  const toggle = async (suggest: boolean) => {
    setSaving(true);
    const r = await actions.setOptedOut(!suggest);
    setSaving(false);
    if (r.ok) {
      setOptedOut(r.value);
      setProblem(null);
    } else setProblem(r.error);
  };
  return (
    <section aria-labelledby={`${id}-h`} className="my-expertise">
      <h4 id={`${id}-h`}>Who might know: your profile in {communityName}</h4>
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={isOptedOut === false}
          disabled={isOptedOut === null || isSaving}
          onChange={(e) => void toggle(e.target.checked)}
        />
        Suggest me as someone who might know
      </label>
      {pausedReason && <p className="muted">{pausedReason}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {topics === null ? (
        <p className="muted">Reading your profile…</p>
      ) : topics.length === 0 ? (
        <p className="muted">No evidence yet: answers, thanks and credits in {communityName} build it.</p>
      ) : (
        <ul aria-label={`Your topics in ${communityName}`}>
          {topics.map((t) => (
            <li key={t.topic}>
              <strong>{t.topic}</strong>
              <ul>
                {t.evidence.map((e) => (
                  <li key={`${e.noteId}-${e.text}`}>
                    <a href={noteHref(e.noteId)} target="_blank" rel="noopener noreferrer">
                      {e.text}
                    </a>
                    {e.isPrivate && <span className="chip"> visible only to you</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

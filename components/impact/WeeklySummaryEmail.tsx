import { useEffect, useId, useState, type FormEvent } from 'react';
import type { WeeklySummarySetting } from '@/lib/impact/schema';
import type { Result } from '@/lib/model';

export interface WeeklySummaryActions {
  /** null: not this member's to set (members, a paused community): nothing shows. */
  load(): Promise<Result<WeeklySummarySetting | null>>;
  /** null switches it off. Refusals come back in words, and change nothing. */
  save(email: string | null): Promise<Result<WeeklySummarySetting>>;
}

/**
 * The weekly facilitator summary by e-mail, for one community: opt in with an address, opt out, and what the
 * endpoint holds now, said in words. Facilitators and admins only (the endpoint refuses members, and then
 * nothing shows). The form keeps what was typed when a save is refused.
 */
export function WeeklySummaryEmail({
  communityName,
  actions,
}: {
  communityName: string;
  actions: WeeklySummaryActions;
}) {
  const id = useId();
  const [saved, setSaved] = useState<WeeklySummarySetting | null | undefined>(undefined);
  const [isOn, setOn] = useState(false);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  useEffect(() => {
    let isLive = true;
    void actions.load().then((r) => {
      if (!isLive) return;
      if (!r.ok) return setProblem(r.error);
      setSaved(r.value);
      setOn(r.value?.email != null);
      setAddress(r.value?.email ?? '');
    });
    return () => {
      isLive = false;
    };
  }, [actions]);
  if (saved === null) return null;
  if (saved === undefined && problem === null) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setJustSaved(false);
    const r = await actions.save(isOn ? address : null);
    setSaving(false);
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setSaved(r.value);
    setOn(r.value.email !== null);
    setAddress(r.value.email ?? '');
    setJustSaved(true);
  };
  const now = saved?.email
    ? `Now: the summary of each week goes to ${saved.email} on Monday.`
    : 'Now: off. No weekly summary is sent to you.';
  return (
    <section aria-labelledby={`${id}-h`} className="weekly-summary-email">
      <h4 id={`${id}-h`}>Weekly summary by e-mail: {communityName}</h4>
      <p className="muted">
        Each Monday, last week’s figures of the impact ledger and the week’s questions. Only you read this address.
      </p>
      {saved !== undefined && (
        <form onSubmit={submit} noValidate>
          <label className="check">
            <input
              type="checkbox"
              role="switch"
              checked={isOn}
              onChange={(e) => {
                setOn(e.target.checked);
                setJustSaved(false);
              }}
            />
            Send me the weekly summary
          </label>
          <label htmlFor={`${id}-email`}>E-mail address for the weekly summary</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            value={address}
            disabled={!isOn}
            aria-invalid={problem !== null}
            onChange={(e) => {
              setAddress(e.target.value);
              setJustSaved(false);
            }}
          />
          <button type="submit" disabled={isSaving}>
            Save weekly summary setting
          </button>
        </form>
      )}
      <p role="status">{saved !== undefined && (justSaved ? `Saved. ${now}` : now)}</p>
      {saved?.notice && <p className="muted">{saved.notice}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </section>
  );
}

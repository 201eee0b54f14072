import { useEffect, useId, useState } from 'react';
import type { Result } from '@/lib/model';

export interface ReportConsentActions {
  load(): Promise<Result<boolean>>;
  set(isNamed: boolean): Promise<Result<boolean>>;
}

/**
 * "Name me in impact reports", per community, stored by the endpoint (which names only members who consent at
 * the time of each report). Off until switched on; a failure is said and the switch shows what the endpoint holds.
 */
export function ReportConsentSwitch({
  communityName,
  actions,
  pausedReason,
}: {
  communityName: string;
  actions: ReportConsentActions;
  pausedReason?: string;
}) {
  const id = useId();
  const [isNamed, setNamed] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    let isLive = true;
    if (pausedReason === undefined)
      void actions.load().then((r) => {
        if (!isLive) return;
        if (r.ok) setNamed(r.value);
        else setProblem(r.error);
      });
    return () => {
      isLive = false;
    };
  }, [actions, pausedReason]);
  const toggle = async (next: boolean) => {
    setSaving(true);
    const r = await actions.set(next);
    setSaving(false);
    if (r.ok) {
      setNamed(r.value);
      setProblem(null);
    } else setProblem(r.error);
  };
  return (
    <section aria-labelledby={`${id}-h`} className="report-consent">
      <h4 id={`${id}-h`}>Impact reports in {communityName}</h4>
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={isNamed === true}
          disabled={isNamed === null || isSaving}
          onChange={(e) => void toggle(e.target.checked)}
        />
        Name me in impact reports
      </label>
      <p className="muted">
        Reports show figures of at least five people; with this on, your name may appear beside them. Switch it off any
        time: later reports leave your name out.
      </p>
      {pausedReason && <p className="muted">{pausedReason}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </section>
  );
}

import { useEffect, useId, useState } from 'react';
import type { ImpactSettings } from '@/lib/impact/schema';
import type { Result } from '@/lib/model';

export interface LedgerSettingsActions {
  /** null: not an admin here (the section is not shown). */
  load(): Promise<Result<ImpactSettings | null>>;
  save(input: { k: number; timeZone: string }): Promise<Result<ImpactSettings>>;
}

/** Every zone this browser knows, for the field's suggestions (typing any other IANA name works too). */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

const describe = (s: ImpactSettings) =>
  `The ledger counts answers in calendar months in ${s.timeZone}; no figure counts fewer than ${s.k} people.`;

/**
 * An admin's impact ledger settings for one community: the smallest group a figure may count, and the time zone
 * whose months the ledger counts in. While the community still has the endpoint's default (UTC), the zone field
 * starts at this browser's zone (`defaultTimeZone`); once set, at the community's.
 */
export function LedgerSettingsForm({
  communityName,
  defaultTimeZone,
  actions,
}: {
  communityName: string;
  defaultTimeZone: string;
  actions: LedgerSettingsActions;
}) {
  const [settings, setSettings] = useState<ImpactSettings | null | undefined>(undefined);
  const [k, setK] = useState('');
  const [zone, setZone] = useState('');
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const id = useId();

  useEffect(() => {
    let isCurrent = true;
    void actions.load().then((r) => {
      if (!isCurrent) return;
      if (!r.ok) return setMessage({ isError: true, text: r.error });
      setSettings(r.value);
      if (r.value) {
        setK(String(r.value.k));
        setZone(r.value.timeZone === 'UTC' ? defaultTimeZone : r.value.timeZone);
      }
    });
    return () => {
      isCurrent = false;
    };
  }, [actions, defaultTimeZone]);

  if (settings === null) return null;
  if (settings === undefined) return message ? <p role="alert">{message.text}</p> : null;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await actions.save({ k: k.trim() === '' ? Number.NaN : Number(k), timeZone: zone });
    if (r.ok) {
      setSettings(r.value);
      setMessage({ isError: false, text: `Saved. ${describe(r.value)}` });
    } else setMessage({ isError: true, text: r.error });
  };

  return (
    <section className="ledger-settings" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Impact ledger settings: {communityName}</h4>
      <p aria-label={`Ledger settings now for ${communityName}`}>{describe(settings)}</p>
      {/* noValidate: a bad k is said in our words (role alert), as a bad zone is, not in a native bubble. */}
      <form onSubmit={save} noValidate>
        <label htmlFor={`${id}-z`}>Time zone of the ledger’s months</label>
        <input
          id={`${id}-z`}
          list={`${id}-zones`}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-zh`}
          value={zone}
          onChange={(e) => setZone(e.target.value)}
        />
        <datalist id={`${id}-zones`}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <p id={`${id}-zh`} className="muted">
          An IANA name such as Europe/London. Changing it cuts every month again, past ones too, at that zone’s
          midnights: figures near a month’s edge may move to the next or previous month.
        </p>
        <label htmlFor={`${id}-k`}>Smallest group a figure may count (people)</label>
        <input
          id={`${id}-k`}
          type="number"
          inputMode="numeric"
          min={5}
          step={1}
          value={k}
          onChange={(e) => setK(e.target.value)}
        />
        <button type="submit">Save ledger settings</button>
      </form>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

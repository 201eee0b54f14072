import { useId, useState } from 'react';
import { CADENCES, type Cadence, type Ritual } from '@/lib/digest/types';

const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};

/** The facilitator's schedule editor: each ritual's name, cadence and one date it falls on. */
export function RitualEditor({
  communityName,
  rituals,
  onSave,
  onCancel,
}: {
  communityName: string;
  rituals: Ritual[];
  onSave: (rituals: Ritual[]) => void;
  onCancel: () => void;
}) {
  const base = useId();
  const [draft, setDraft] = useState(rituals);
  const set = (i: number, patch: Partial<Ritual>) =>
    setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const isValid = draft.every((r) => r.title.trim() && /^\d{4}-\d{2}-\d{2}$/.test(r.anchor));
  return (
    <form
      className="ritual-editor"
      aria-label={`Schedule of ${communityName}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (isValid) onSave(draft.map((r) => ({ ...r, title: r.title.trim() })));
      }}
    >
      {draft.map((r, i) => (
        <fieldset key={r.id}>
          <legend>{r.title || r.kind}</legend>
          <label htmlFor={`${base}-t${i}`}>Name</label>
          <input
            id={`${base}-t${i}`}
            value={r.title}
            maxLength={80}
            onChange={(e) => set(i, { title: e.target.value })}
          />
          <label htmlFor={`${base}-c${i}`}>How often</label>
          <select
            id={`${base}-c${i}`}
            value={r.cadence}
            onChange={(e) => set(i, { cadence: e.target.value as Cadence })}
          >
            {CADENCES.map((c) => (
              <option key={c} value={c}>
                {CADENCE_LABELS[c]}
              </option>
            ))}
          </select>
          <label htmlFor={`${base}-a${i}`}>One date it falls on</label>
          <input
            id={`${base}-a${i}`}
            type="date"
            value={r.anchor}
            required
            onChange={(e) => set(i, { anchor: e.target.value })}
          />
        </fieldset>
      ))}
      <button type="submit" className="primary" disabled={!isValid}>
        Save schedule
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

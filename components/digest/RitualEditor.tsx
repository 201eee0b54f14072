import { useId, useState } from 'react';
import { parseDay, weeksOfMonthOf } from '@/lib/digest/time';
import { CADENCES, type Cadence, type Ritual, type WeekOfMonth } from '@/lib/digest/types';

const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly, same date',
  quarterly: 'Quarterly',
  'monthly-weekday': 'Monthly, same weekday (e.g. first Thursday)',
};
const WEEK_LABELS: Record<WeekOfMonth, string> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The weeks of its month the anchor is (first..fourth, last): the only choices that keep the anchor a date of the rule. */
function weeksOf(anchor: string): WeekOfMonth[] {
  const day = parseDay(anchor);
  return day === null ? [] : (weeksOfMonthOf(day) as WeekOfMonth[]);
}

/** The ritual with `nth` kept in step with its cadence and anchor: set (and still true) for monthly-weekday only. */
function withWeek(r: Ritual): Ritual {
  const { nth, ...rest } = r;
  if (r.cadence !== 'monthly-weekday') return rest;
  const weeks = weeksOf(r.anchor);
  const kept = nth !== undefined && weeks.includes(nth) ? nth : weeks[0];
  return kept === undefined ? rest : { ...rest, nth: kept };
}

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
    setDraft((d) => d.map((r, j) => (j === i ? withWeek({ ...r, ...patch }) : r)));
  const isValid = draft.every(
    (r) =>
      r.title.trim() &&
      /^\d{4}-\d{2}-\d{2}$/.test(r.anchor) &&
      (r.cadence !== 'monthly-weekday' || r.nth !== undefined),
  );
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
          {r.cadence === 'monthly-weekday' && r.nth !== undefined ? (
            <>
              <label htmlFor={`${base}-w${i}`}>Which week</label>
              <select
                id={`${base}-w${i}`}
                value={r.nth}
                onChange={(e) => set(i, { nth: Number(e.target.value) as WeekOfMonth })}
              >
                {weeksOf(r.anchor).map((n) => (
                  <option key={n} value={n}>
                    {`${WEEK_LABELS[n]} ${WEEKDAYS[new Date(`${r.anchor}T00:00:00Z`).getUTCDay()]} of the month`}
                  </option>
                ))}
              </select>
            </>
          ) : null}
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

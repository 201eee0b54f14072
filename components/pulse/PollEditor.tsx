import { useId, useState } from 'react';
import { CADENCE_LABELS, readPollForm, type PollCadence, type PollForm } from '@/lib/pulse/poll-form';
import { POLL_CADENCES, type PollInput } from '@/lib/pulse/schema';

/**
 * One poll's form: question, free text or choices, anonymous, cadence, first occurrence, window, k, zone. It
 * reads through `readPollForm` (the route's schema), so what it refuses is said field by field and nothing is
 * sent; a refusal from the endpoint comes back through `onSave` and is said the same way.
 */
export function PollEditor({
  title,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  title: string;
  initial: PollForm;
  submitLabel: string;
  onSave(input: PollInput): Promise<string | null>;
  onCancel(): void;
}) {
  const id = useId();
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [isSaving, setSaving] = useState(false);
  const set = <K extends keyof PollForm>(key: K, value: PollForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const read = readPollForm(form);
    if (!read.ok) return setProblems(read.error);
    setSaving(true);
    const refused = await onSave(read.value);
    setSaving(false);
    setProblems(refused ? [refused] : []);
  };

  return (
    <form className="poll-editor" aria-labelledby={`${id}-t`} onSubmit={submit} noValidate>
      <h5 id={`${id}-t`}>{title}</h5>
      <label htmlFor={`${id}-q`}>Question</label>
      <input id={`${id}-q`} value={form.question} maxLength={300} onChange={(e) => set('question', e.target.value)} />
      <fieldset>
        <legend>Members answer with</legend>
        <label className="check">
          <input type="radio" name={`${id}-kind`} checked={form.kind === 'text'} onChange={() => set('kind', 'text')} />
          Free text
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-kind`}
            checked={form.kind === 'choices'}
            onChange={() => set('kind', 'choices')}
          />
          One of these choices
        </label>
      </fieldset>
      {form.kind === 'choices' && (
        <>
          <label htmlFor={`${id}-c`}>Choices, one a line</label>
          <textarea id={`${id}-c`} rows={4} value={form.choices} onChange={(e) => set('choices', e.target.value)} />
        </>
      )}
      <label className="check">
        <input type="checkbox" checked={form.isAnonymous} onChange={(e) => set('isAnonymous', e.target.checked)} />
        Anonymous (answers are stored without who gave them)
      </label>
      <label htmlFor={`${id}-k`}>How often</label>
      <select id={`${id}-k`} value={form.cadence} onChange={(e) => set('cadence', e.target.value as PollCadence)}>
        {POLL_CADENCES.map((c) => (
          <option key={c} value={c}>
            {CADENCE_LABELS[c]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-a`}>First occurrence (answers close as this day starts)</label>
      <input id={`${id}-a`} type="date" value={form.anchor} onChange={(e) => set('anchor', e.target.value)} />
      <label htmlFor={`${id}-o`}>Days open before each occurrence</label>
      <input
        id={`${id}-o`}
        type="number"
        min={1}
        max={7}
        value={form.openDays}
        onChange={(e) => set('openDays', e.target.value)}
      />
      <label htmlFor={`${id}-m`}>Answers needed before results show (at least 3)</label>
      <input
        id={`${id}-m`}
        type="number"
        min={3}
        value={form.minAnswers}
        onChange={(e) => set('minAnswers', e.target.value)}
      />
      <label htmlFor={`${id}-z`}>Time zone</label>
      <input
        id={`${id}-z`}
        value={form.timeZone}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => set('timeZone', e.target.value)}
      />
      {problems.length > 0 && (
        <ul role="alert" aria-label="Problems with this poll" className="error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="submit" disabled={isSaving}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

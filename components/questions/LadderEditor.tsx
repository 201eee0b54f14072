import { useId, useState } from 'react';
import { DEFAULT_LADDER, LadderSchema, type Ladder } from '@/lib/questions';

type Draft = Record<'helpersAfterHours' | 'facilitatorAfterHours' | 'huddleAfterHours', string> & {
  isEnabled: boolean;
  isFirstTimeSkip: boolean;
};
const toDraft = (l: Ladder): Draft => ({
  isEnabled: l.isEnabled,
  isFirstTimeSkip: l.isFirstTimeSkip,
  helpersAfterHours: String(l.helpersAfterHours),
  facilitatorAfterHours: String(l.facilitatorAfterHours),
  huddleAfterHours: String(l.huddleAfterHours),
});

const FIELDS = [
  ['helpersAfterHours', 'Show to members who answered similar questions after (hours)'],
  ['facilitatorAfterHours', 'Show to the facilitators after (hours)'],
  ['huddleAfterHours', 'Put on the next huddle’s agenda after (hours)'],
] as const;

/**
 * One community's escalation ladder: when an unanswered question climbs to the helpers, the facilitators and
 * the huddle. A ladder that does not parse is refused with the reason and nothing is saved.
 */
export function LadderEditor({
  communityName,
  ladder,
  onSave,
}: {
  communityName: string;
  ladder: Ladder | undefined;
  onSave: (ladder: Ladder) => Promise<void>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(toDraft(ladder ?? DEFAULT_LADDER));
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = LadderSchema.safeParse({
      ...draft,
      helpersAfterHours: Number(draft.helpersAfterHours),
      facilitatorAfterHours: Number(draft.facilitatorAfterHours),
      huddleAfterHours: Number(draft.huddleAfterHours),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = FIELDS.find(([k]) => k === issue.path[0]);
      return setMessage({ text: `Not saved: ${field ? `${field[1]}: ` : ''}${issue.message}`, isError: true });
    }
    await onSave(parsed.data);
    setMessage({ text: 'Saved.', isError: false });
  };
  return (
    <form className="ladder" onSubmit={save} aria-label={`Unanswered questions in ${communityName}`}>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.isEnabled}
          onChange={(e) => setDraft({ ...draft, isEnabled: e.target.checked })}
        />
        Escalate unanswered questions
      </label>
      {FIELDS.map(([key, label]) => (
        <p key={key}>
          <label htmlFor={`${id}-${key}`}>{label}</label>{' '}
          <input
            id={`${id}-${key}`}
            type="number"
            min={1}
            step="any"
            inputMode="decimal"
            value={draft[key]}
            disabled={!draft.isEnabled}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          />
        </p>
      ))}
      <label className="check">
        <input
          type="checkbox"
          checked={draft.isFirstTimeSkip}
          disabled={!draft.isEnabled}
          onChange={(e) => setDraft({ ...draft, isFirstTimeSkip: e.target.checked })}
        />
        A first-time asker skips a step
      </label>
      <button type="submit">Save escalation</button>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

import { useId, useState } from 'react';

/** Write an answer to one question; the caller saves it linked to the question. Errors are shown, not thrown. */
export function AnswerForm({
  questionTitle,
  onAnswer,
  onDone,
}: {
  questionTitle: string;
  onAnswer: (text: string) => Promise<string | null>;
  onDone: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('Write an answer first.');
    setSaving(true);
    const problem = await onAnswer(text.trim());
    setSaving(false);
    if (problem) setError(problem);
    else onDone();
  };
  return (
    <form className="answer-form" onSubmit={submit}>
      <label htmlFor={id}>Your answer to “{questionTitle}”</label>
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} rows={3} autoFocus maxLength={10_000} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={isSaving}>
        Save answer
      </button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

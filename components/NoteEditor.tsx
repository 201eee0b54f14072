import { useId, useState } from 'react';
import { NOTE_KINDS, type Note, type NoteKind } from '@/lib/model';
import { parseTags } from '@/lib/capture/draft';

interface Props {
  note: Note;
  onSave(patch: { takeaway: string; kind: NoteKind; tags: string[] }): void;
  onCancel(): void;
}

/** Inline editor for what a user may change after saving: takeaway, kind, tags. */
export function NoteEditor({ note, onSave, onCancel }: Props) {
  const id = useId();
  const [takeaway, setTakeaway] = useState(note.takeaway);
  const [kind, setKind] = useState<NoteKind>(note.kind);
  const [tags, setTags] = useState(note.tags.join(', '));
  return (
    <form
      aria-label="Edit note"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ takeaway: takeaway.trim(), kind, tags: parseTags(tags) });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-t`}>Takeaway</label>
      <textarea id={`${id}-t`} rows={2} value={takeaway} autoFocus onChange={(e) => setTakeaway(e.target.value)} />
      <div className="row">
        <div style={{ flex: '0 0 120px' }}>
          <label htmlFor={`${id}-k`}>Kind</label>
          <select id={`${id}-k`} value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
            {NOTE_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor={`${id}-g`}>Tags</label>
          <input id={`${id}-g`} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
      </div>
      <div className="row" style={{ justifyContent: 'flex-end', marginTop: 6 }}>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save changes
        </button>
      </div>
    </form>
  );
}

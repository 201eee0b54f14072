import { NOTE_KINDS, type NoteKind } from '@/lib/model';

interface Props {
  kind: NoteKind | null;
  tag: string | null;
  tags: string[];
  onKind(kind: NoteKind | null): void;
  onTag(tag: string | null): void;
}

/** Toggle chips that narrow the list by kind and by tag. */
export function FilterChips({ kind, tag, tags, onKind, onTag }: Props) {
  return (
    <>
      <div className="row" role="group" aria-label="Filter by kind">
        {NOTE_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={kind === k}
            onClick={() => onKind(kind === k ? null : k)}
          >
            {k}
          </button>
        ))}
      </div>
      {tags.length > 0 && (
        <div className="row" role="group" aria-label="Filter by tag">
          {tags.map((t) => (
            <button
              key={t}
              type="button"
              className="chip"
              aria-pressed={tag === t}
              onClick={() => onTag(tag === t ? null : t)}
            >
              #{t}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

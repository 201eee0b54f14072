import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import type { Result } from '@/lib/model';
import type { ModerationLoad } from '@/lib/sync/moderation-desk';
import {
  confirmRemoveMemberNotes,
  confirmRemoveNote,
  filterModeratedNotes,
  type Confirmation,
  type ModeratedMember,
  type ModeratedNote,
} from '@/lib/sync/moderation-view';

interface Props {
  communityName: string;
  /** Who is asking and what there is; `null` when they may not moderate (the section is not shown). */
  load(): Promise<Result<ModerationLoad>>;
  removeNote(noteId: string): Promise<Result<string>>;
  removeMemberNotes(memberId: string): Promise<Result<string>>;
  /** After a removal: sync, so the tombstones reach this browser's copy. */
  afterRemoval(): Promise<void>;
}

type Pending = { confirmation: Confirmation; run(): Promise<Result<string>> };

const roleLabel = (m: ModeratedMember) => m.role ?? 'no longer a member';
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * Facilitators and admins take down notes of their community: all of one member's, or one at a time, each after
 * a confirmation that says what will happen. Members never see it. When the endpoint cannot be asked who you
 * are (offline, signed out), nothing is shown: the sync line above already says why.
 */
export function ModerationSection({ communityName, load, removeNote, removeMemberNotes, afterRemoval }: Props) {
  const id = useId();
  const [data, setData] = useState<ModerationLoad>(null);
  const [memberId, setMemberId] = useState('');
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);

  /** Bumped after a removal's sync: the endpoint and this browser's copy are read again. */
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void load().then((res) => {
      if (isCurrent && res.ok) setData(res.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [load, generation]);
  if (!data) return null;

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const res = await pending.run();
      setMessage(res.ok ? { isError: false, text: res.value } : { isError: true, text: res.error });
      setPending(null);
      if (res.ok) {
        await afterRemoval();
        setGeneration((g) => g + 1);
      }
    } finally {
      setBusy(false);
    }
  };
  const askNote = (n: ModeratedNote) =>
    setPending({ confirmation: confirmRemoveNote(n, communityName), run: () => removeNote(n.id) });
  const askMember = (m: ModeratedMember) =>
    setPending({ confirmation: confirmRemoveMemberNotes(m, communityName), run: () => removeMemberNotes(m.id) });
  const shown = filterModeratedNotes(data.view.notes, memberId, query);

  return (
    <section aria-labelledby={`${id}-h`} className="moderation">
      <h4 id={`${id}-h`}>Moderation</h4>
      <p className="muted">
        You are {data.me.role === 'admin' ? 'an admin' : 'a facilitator'} of {communityName}. Removals delete notes on
        the endpoint for every member; they leave each browser at its next sync.
      </p>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
      <table aria-label={`Members of ${communityName}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Notes here</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.view.members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td>{roleLabel(m)}</td>
              <td>{m.noteCount}</td>
              <td>
                {m.id !== data.me.id && (
                  <button type="button" onClick={() => askMember(m)} aria-label={`Remove ${m.name}’s notes…`}>
                    Remove this member’s notes…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <label>
          Author
          <select value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">Everyone</option>
            {data.view.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Find community notes
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <p className="muted" role="status">
        {shown.length} of {data.view.notes.length} notes in this browser’s copy
      </p>
      <ul aria-label={`Notes of ${communityName}`} className="plain">
        {shown.map((n) => (
          <li key={n.id} className="row">
            <span className="grow">
              <strong>{n.authorName}</strong>: {n.takeaway || n.quote}
            </span>
            <button
              type="button"
              onClick={() => askNote(n)}
              aria-label={`Remove note “${clip(n.takeaway || n.quote)}”…`}
            >
              Remove note…
            </button>
          </li>
        ))}
      </ul>
      {pending && (
        <ConfirmDialog
          {...pending.confirmation}
          isBusy={isBusy}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}

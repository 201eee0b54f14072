import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Note, Result } from '@/lib/model';
import { noteTitle } from '@/lib/digest/card';
import { RITUAL_MARKER_NAMES } from '@/lib/rituals/marker';
import type { HarvestBackPlan, ReplyProposal } from '@/lib/rituals/harvest-back';
import { ShareWith } from './ShareWith';

interface Props {
  /** The plan for a community choice (questions are a community's own, so it changes with "Share with"). */
  planFor(communityId: string | null): HarvestBackPlan;
  communities: { id: string; name: string }[];
  defaultCommunity: string | null;
  isPrivate: boolean;
  onSave(chosen: ReplyProposal[], communityId: string | null): Promise<Result<{ created: number }>>;
  onDone(): void;
  onCancel(): void;
}

const KIND_WORDS: Record<string, string> = { answer: 'Answer', insight: 'Insight', story: 'Story', win: 'Win' };

/**
 * Harvest-back on a ritual post's thread: one proposed note per reply (its kind and, for an answer, the
 * question it answers), each with a checkbox to leave it out, saved in one step. Reply text is other people's
 * words: shown as text only.
 */
export function HarvestBackPanel({
  planFor,
  communities,
  defaultCommunity,
  isPrivate,
  onSave,
  onDone,
  onCancel,
}: Props) {
  const ids = { list: useId() };
  const [share, setShare] = useState<string>(defaultCommunity ?? '');
  const plan = useMemo(() => planFor(share || null), [planFor, share]);
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const [state, setState] = useState<
    { status: 'idle' | 'saving' } | { status: 'saved'; created: number } | { status: 'error'; message: string }
  >({ status: 'idle' });
  const chosen = plan.proposals.filter((_, i) => !left.has(i));

  async function save() {
    if (state.status === 'saving' || state.status === 'saved' || chosen.length === 0) return;
    setState({ status: 'saving' });
    const r = await onSave(chosen, share || null);
    if (!r.ok) return setState({ status: 'error', message: r.error });
    setState({ status: 'saved', created: r.value.created });
    setTimeout(onDone, 1200);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  }
  const toggle = (i: number) =>
    setLeft((s) => {
      const next = new Set(s);
      if (!next.delete(i)) next.add(i);
      return next;
    });

  if (state.status === 'saved') {
    return (
      <div className="capture pad" role="status" onKeyDown={onKeyDown}>
        <strong>Harvested</strong> <span className="muted">— {state.created} notes from this thread.</span>
      </div>
    );
  }
  const ritual = RITUAL_MARKER_NAMES[plan.occurrence.kind];
  return (
    <section className="capture pad" aria-label="Harvest this ritual thread" onKeyDown={onKeyDown}>
      <p className="muted" style={{ margin: 0 }}>
        {ritual} of {plan.occurrence.day}
      </p>
      <p aria-label="What was read" style={{ margin: '6px 0', fontSize: 12 }}>
        Read {plan.loadedCount} messages of this thread as loaded (the app may hold more it has not shown).{' '}
        {plan.proposals.length === 1 ? '1 reply' : `${plan.proposals.length} replies`} to harvest
        {plan.duplicates > 0 ? `; ${plan.duplicates} already harvested, skipped` : ''}.
        {plan.listed.length > 0 ? ` The post listed ${plan.listed.length} questions.` : ''}
      </p>
      {isPrivate ? (
        <p className="muted" style={{ fontSize: 12 }}>
          <strong>Private conversation</strong>: these notes stay personal.
        </p>
      ) : (
        communities.length > 0 && <ShareWith communities={communities} value={share} onChange={setShare} />
      )}
      <ul aria-label="Replies to harvest" id={ids.list} style={{ listStyle: 'none', padding: 0 }}>
        {plan.proposals.map((p, i) => (
          <li key={p.message.id ?? p.message.permalink ?? i} style={{ margin: '6px 0' }}>
            <label>
              <input type="checkbox" checked={!left.has(i)} onChange={() => toggle(i)} />{' '}
              <strong>{KIND_WORDS[p.kind] ?? p.kind}</strong>
              {p.answers ? <> to “{title(p.answers)}”</> : null}: {p.message.text.slice(0, 200)}
              {p.message.author ? <span className="muted"> — {p.message.author}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => void save()}
          disabled={state.status === 'saving' || chosen.length === 0}
        >
          Harvest thread
        </button>
      </div>
    </section>
  );
}

const title = (q: Note) => noteTitle(q);

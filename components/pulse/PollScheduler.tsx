import { useEffect, useId, useState } from 'react';
import type { Result } from '@/lib/model';
import { defaultPolls } from '@/lib/pulse/defaults';
import { blankPollForm, pollForm, pollInput, pollStanding, pollSummary } from '@/lib/pulse/poll-form';
import type { Poll, PollInput } from '@/lib/pulse/schema';
import { PollEditor } from './PollEditor';

export interface PollSchedulerActions {
  /** null: not a facilitator or admin here (the section is not shown). */
  load(): Promise<Result<Poll[] | null>>;
  save(id: string, input: PollInput): Promise<Result<Poll>>;
  remove(id: string): Promise<Result<void>>;
  newId(): string;
}

type Editing = { kind: 'new'; initial: PollInput | null } | { kind: 'edit'; poll: Poll } | null;

/**
 * A facilitator's pulse polls for one community: each with where it stands (open, next opening, paused),
 * Edit, Pause/Resume and Stop (asks first: its answers go too); the essay's two polls in one click each, or a
 * poll from scratch. Member text (a question another facilitator wrote) renders as text.
 */
export function PollScheduler({
  communityName,
  timeZone,
  now,
  actions,
}: {
  communityName: string;
  timeZone: string;
  now: () => number;
  actions: PollSchedulerActions;
}) {
  const id = useId();
  const [polls, setPolls] = useState<Poll[] | null | undefined>(undefined);
  const [editing, setEditing] = useState<Editing>(null);
  const [stopping, setStopping] = useState<string | null>(null);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void actions.load().then((r) => {
      if (!isCurrent) return;
      if (r.ok) setPolls(r.value);
      else setMessage({ isError: true, text: r.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [actions]);

  if (polls === null) return null;
  if (polls === undefined) return message ? <p role="alert">{message.text}</p> : null;

  const said = (text: string, isError = false) => setMessage({ isError, text });
  const stored = (poll: Poll) =>
    setPolls((ps) =>
      ps!.some((p) => p.id === poll.id) ? ps!.map((p) => (p.id === poll.id ? poll : p)) : [...ps!, poll],
    );
  const save = async (pollId: string, input: PollInput, done: string): Promise<string | null> => {
    const r = await actions.save(pollId, input);
    if (!r.ok) return r.error;
    stored(r.value);
    setEditing(null);
    said(done);
    return null;
  };
  const setActive = async (poll: Poll, isActive: boolean) => {
    const r = await actions.save(poll.id, { ...pollInput(poll), isActive });
    if (!r.ok) return said(r.error, true);
    stored(r.value);
    said(
      isActive ? `Resumed “${poll.question}”.` : `Paused “${poll.question}”: members see nothing until you resume it.`,
    );
  };
  const stop = async (poll: Poll) => {
    const r = await actions.remove(poll.id);
    setStopping(null);
    if (!r.ok) return said(r.error, true);
    setPolls((ps) => ps!.filter((p) => p.id !== poll.id));
    said(`Stopped “${poll.question}”: it and its answers are deleted.`);
  };
  const offered = defaultPolls(timeZone).filter((d) => !polls.some((p) => p.question === d.question));

  return (
    <section className="poll-scheduler" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Pulse polls for {communityName}</h4>
      {polls.length === 0 ? (
        <p className="muted">No polls scheduled.</p>
      ) : (
        <ul className="plain" aria-label={`Scheduled polls in ${communityName}`}>
          {polls.map((p) => (
            <li key={p.id} className="card" aria-label={p.question}>
              <p className="poll-question">{p.question}</p>
              <p className="muted">{pollSummary(p)}</p>
              <p>{pollStanding(p, now())}</p>
              {stopping === p.id ? (
                <span role="group" aria-label={`Confirm stopping “${p.question}”`}>
                  <span>Stop this poll and delete its answers? </span>
                  <button type="button" className="danger" onClick={() => stop(p)} autoFocus>
                    Stop and delete “{p.question}”
                  </button>{' '}
                  <button type="button" onClick={() => setStopping(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <div className="row">
                  <button
                    type="button"
                    aria-label={`Edit “${p.question}”`}
                    onClick={() => setEditing({ kind: 'edit', poll: p })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`${p.isActive ? 'Pause' : 'Resume'} “${p.question}”`}
                    onClick={() => setActive(p, !p.isActive)}
                  >
                    {p.isActive ? 'Pause' : 'Resume'}
                  </button>
                  <button type="button" aria-label={`Stop “${p.question}”…`} onClick={() => setStopping(p.id)}>
                    Stop…
                  </button>
                </div>
              )}
              {editing?.kind === 'edit' && editing.poll.id === p.id && (
                <PollEditor
                  title={`Edit “${p.question}”`}
                  initial={pollForm(p)}
                  submitLabel="Save changes"
                  onSave={(input) => save(p.id, input, `Saved “${input.question}”.`)}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {editing?.kind === 'new' ? (
        <PollEditor
          title="New poll"
          initial={editing.initial ? pollForm(editing.initial) : blankPollForm(timeZone, now())}
          submitLabel="Schedule poll"
          onSave={(input) => save(actions.newId(), input, `Scheduled “${input.question}”.`)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="row">
          {offered.map((d) => (
            <button key={d.question} type="button" onClick={() => setEditing({ kind: 'new', initial: d })}>
              {d.cadence === 'quarterly' ? 'Add the quarterly “still useful?” poll…' : 'Add the blocker poll…'}
            </button>
          ))}
          <button type="button" onClick={() => setEditing({ kind: 'new', initial: null })}>
            New poll…
          </button>
        </div>
      )}
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { CommunityRituals, Ritual } from '@/lib/digest';
import type { Formatters } from './format';
import { NoteLine } from './NoteLine';
import type { RitualPost } from '@/lib/rituals';
import { CalendarSubscribe, type CalendarFeedActions } from './CalendarSubscribe';
import { RitualComposer } from './RitualComposer';
import { RitualEditor } from './RitualEditor';
import type { WebhookPostActions } from './WebhookPost';
import { Section } from './Section';

/** Each community's rhythm: next date of every ritual and the notes that feed it; the schedule is editable. */
export function RitualsSection({
  rituals,
  names,
  fmt,
  now,
  onSave,
  compose,
  copy,
  calendar,
  webhook,
}: {
  rituals: CommunityRituals[];
  names: Record<string, string>;
  fmt: Formatters;
  now: number;
  onSave: (communityId: string, rituals: Ritual[]) => void;
  /** Composes the post for a ritual's next occurrence; absent where there is no harvest to compose from. */
  compose?: (communityId: string, ritual: Ritual) => Promise<RitualPost | null>;
  copy?: (text: string) => Promise<void>;
  /** The community's calendar feed; absent for communities this browser does not sync with an endpoint. */
  calendar?: (communityId: string, rituals: Ritual[]) => CalendarFeedActions | null;
  /** The community's ritual webhook; absent for communities this browser does not sync with an endpoint. */
  webhook?: (communityId: string, ritual: Ritual) => WebhookPostActions | undefined;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [composing, setComposing] = useState<string | null>(null);
  return (
    <Section title="Rituals" className="rituals">
      {rituals.length === 0 && <p className="empty">Rituals appear once you share notes with a community.</p>}
      {rituals.map((c) => {
        const name = names[c.communityId] ?? c.communityId;
        return (
          <div key={c.communityId} className="community-rituals">
            <h3>{name}</h3>
            {editing === c.communityId ? (
              <RitualEditor
                communityName={name}
                rituals={c.rituals.map((r) => r.ritual)}
                onCancel={() => setEditing(null)}
                onSave={(next) => {
                  onSave(c.communityId, next);
                  setEditing(null);
                }}
              />
            ) : (
              <>
                <ul>
                  {c.rituals.map((r) => (
                    <li key={r.ritual.id} className="ritual">
                      <span className="ritual-name">{r.ritual.title}</span>{' '}
                      <time dateTime={r.nextDay}>{fmt.day(r.nextDay)}</time>
                      {compose && copy && (
                        <button
                          type="button"
                          aria-expanded={composing === `${c.communityId} ${r.ritual.id}`}
                          aria-label={`Compose the post for ${r.ritual.title} in ${name}`}
                          onClick={() =>
                            setComposing((k) =>
                              k === `${c.communityId} ${r.ritual.id}` ? null : `${c.communityId} ${r.ritual.id}`,
                            )
                          }
                        >
                          Compose post
                        </button>
                      )}
                      {compose && copy && composing === `${c.communityId} ${r.ritual.id}` && (
                        <RitualComposer
                          title={r.ritual.title}
                          load={() => compose(c.communityId, r.ritual)}
                          copy={copy}
                          webhook={webhook?.(c.communityId, r.ritual)}
                          onClose={() => setComposing(null)}
                        />
                      )}
                      {r.feeds.length > 0 && (
                        <ul className="feeds" aria-label={`Feeding ${r.ritual.title}`}>
                          {r.feeds.map((n) => (
                            <NoteLine key={n.id} note={n} fmt={fmt} now={now} />
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  onClick={() => setEditing(c.communityId)}
                  aria-label={`Edit the schedule of ${name}`}
                >
                  Edit schedule
                </button>
                {(() => {
                  const feed = calendar?.(
                    c.communityId,
                    c.rituals.map((r) => r.ritual),
                  );
                  return feed ? <CalendarSubscribe communityName={name} feed={feed} /> : null;
                })()}
              </>
            )}
          </div>
        );
      })}
    </Section>
  );
}

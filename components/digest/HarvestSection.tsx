import { harvestSummary, type Digest } from '@/lib/digest';
import type { NoteKind } from '@/lib/model';
import type { Formatters } from './format';
import { NoteLine } from './NoteLine';
import { Section } from './Section';

export const KIND_LABELS: Record<NoteKind, string> = {
  insight: 'Insights',
  question: 'Questions',
  answer: 'Answers',
  win: 'Wins',
  story: 'Stories',
  snippet: 'Snippets',
  template: 'Templates',
  link: 'Links',
};

/** This week's harvest, grouped by kind. */
export function HarvestSection({ harvest, fmt, now }: { harvest: Digest['harvest']; fmt: Formatters; now: number }) {
  return (
    <Section title="This week’s harvest" className="harvest">
      {harvest.total === 0 ? (
        <p className="empty">Nothing harvested yet this week.</p>
      ) : (
        <>
          <p className="summary">{harvestSummary(harvest.total, fmt.count)}</p>
          {harvest.groups.map((g) => (
            <div key={g.kind} className="kind-group">
              <h3>
                {KIND_LABELS[g.kind]} <span className="count">({fmt.count(g.notes.length)})</span>
              </h3>
              <ul>
                {g.notes.map((n) => (
                  <NoteLine key={n.id} note={n} fmt={fmt} now={now} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </Section>
  );
}

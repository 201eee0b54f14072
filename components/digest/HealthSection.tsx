import type { Digest, Metric, MetricId } from '@/lib/digest';
import type { Formatters } from './format';
import { Section } from './Section';
import { Sparkline } from './Sparkline';

export const METRIC_LABELS: Record<MetricId, string> = {
  activeContributors: 'Active contributors',
  topShare: 'Top contributor’s share',
  firstTime: 'First-time contributors',
  medianAnswerMs: 'Median time to an answer',
  duplicatesAvoided: 'Duplicate effort avoided',
  depth: 'Depth (snippets, templates, stories vs. bare links)',
};

function formatValue(m: Metric, fmt: Formatters, v: number): string {
  return m.unit === 'share' ? fmt.share(v) : m.unit === 'duration' ? fmt.duration(v) : fmt.count(v);
}

/** Community health as impact, not activity: last four weeks, each with its 12-week trend. */
export function HealthSection({ digest, fmt }: { digest: Digest; fmt: Formatters }) {
  const weekLabels = digest.weekStarts.map((t) => `Week of ${fmt.date(t)}`);
  return (
    <Section title="Community health" className="health">
      <p className="summary">Last four weeks; lines show the last 12 weeks.</p>
      <dl className="metrics">
        {digest.health.map((m) => (
          <div key={m.id} className="metric">
            <dt>{METRIC_LABELS[m.id]}</dt>
            <dd>
              <span className="metric-value">{m.value === null ? '—' : formatValue(m, fmt, m.value)}</span>
              <Sparkline
                label={METRIC_LABELS[m.id]}
                points={m.trend}
                labels={weekLabels}
                format={(v) => formatValue(m, fmt, v)}
              />
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

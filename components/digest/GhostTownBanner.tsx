import type { GhostReason } from '@/lib/digest';

const TEXT: Record<GhostReason, string> = {
  'no-answers-14d': 'No question has been answered in 14 days.',
  'no-harvest-7d': 'Nothing has been harvested for a week.',
};

/** A calm warning that the community has gone quiet, with what would help. */
export function GhostTownBanner({ reasons }: { reasons: GhostReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <div role="status" className="ghost-town">
      <strong>This community is going quiet.</strong> {reasons.map((r) => TEXT[r]).join(' ')} Answering one open
      question or sharing one win is enough to restart it.
    </div>
  );
}

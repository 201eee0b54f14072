import { GHOST_TEXT, type GhostReason } from '@/lib/digest';

/** A calm warning that the community has gone quiet, with what would help. */
export function GhostTownBanner({ reasons }: { reasons: GhostReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <div role="status" className="ghost-town">
      <strong>This community is going quiet.</strong> {reasons.map((r) => GHOST_TEXT[r]).join(' ')} Answering one open
      question or sharing one win is enough to restart it.
    </div>
  );
}

interface Props {
  count: number;
  isThankedByMe: boolean;
  /** Author's own notes get no button (the endpoint refuses thanking your own note). */
  isOwn: boolean;
  onToggle(next: boolean): void;
}

/** Thanks on a member's note: a toggle (thanks are a set, one per member), with the count beside it. */
export function ThankButton({ count, isThankedByMe, isOwn, onToggle }: Props) {
  const label = `${count} thank${count === 1 ? '' : 's'}`;
  if (isOwn) return <span className="muted">{label}</span>;
  return (
    <button
      type="button"
      className="chip"
      aria-pressed={isThankedByMe}
      aria-label={isThankedByMe ? `Withdraw your thanks (${label})` : `Thank the author (${label})`}
      onClick={() => onToggle(!isThankedByMe)}
    >
      {/* Words, not an emoji: an emoji font is not on every system, and a bare 0 reads as a bug. */}
      {isThankedByMe ? 'Thanked' : 'Thank'}
      {count > 0 ? ` · ${count}` : ''}
    </button>
  );
}

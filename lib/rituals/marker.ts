import { RITUAL_KINDS, type RitualKind } from '../digest/types';

/** How each ritual is named in its post's occurrence line: words a reader knows, stable across versions. */
export const RITUAL_MARKER_NAMES: Readonly<Record<RitualKind, string>> = {
  ama: 'AMA',
  huddle: 'Huddle',
  'show-and-tell': 'Show and tell',
  'win-thread': 'Win of the Week',
};

/** The occurrence a ritual post was composed for: what harvest-back recognises when the post comes back. */
export interface OccurrenceMarker {
  kind: RitualKind;
  /** `YYYY-MM-DD` in the community's zone. */
  day: string;
}

const PREFIX = 'Commonplace';
const SEP = ' · ';

/**
 * The post's last line, e.g. "Commonplace · AMA · 2026-12-03": plain words and digits, so every renderer
 * carries it as ordinary text (escaped as its format requires) and a reader sees what the post was for.
 */
export function formatOccurrenceMarker(m: OccurrenceMarker): string {
  return [PREFIX, RITUAL_MARKER_NAMES[m.kind], m.day].join(SEP);
}

const BY_NAME = new Map(RITUAL_KINDS.map((k) => [RITUAL_MARKER_NAMES[k].toLowerCase(), k] as const));
const NAMES = RITUAL_KINDS.map((k) => RITUAL_MARKER_NAMES[k].replace(/ /g, '\\s+')).join('|');
// The separator as people's apps show it back: the middle dot, or a bullet or hyphen an app substituted.
const MARKER = new RegExp(`\\bCommonplace\\s*[·•|-]\\s*(${NAMES})\\s*[·•|-]\\s*(\\d{4}-\\d{2}-\\d{2})\\b`, 'giu');

/**
 * The occurrence line in a message as a chat app shows it back, or null. Tolerates what the trip through a
 * chat app does to it: Markdown's backslash escapes (`2026\-12\-03`), non-breaking and repeated spaces, a line
 * break before it. The last such line wins (a quoted older post above it is not this post). A date that is
 * not a real day is no marker.
 */
export function parseOccurrenceMarker(text: string): OccurrenceMarker | null {
  const plain = text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[\u00a0\u202f]/g, ' ');
  let found: OccurrenceMarker | null = null;
  for (const m of plain.matchAll(MARKER)) {
    const kind = BY_NAME.get(m[1]!.replace(/\s+/g, ' ').toLowerCase());
    const day = m[2]!;
    if (kind && isRealDay(day)) found = { kind, day };
  }
  return found;
}

function isRealDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

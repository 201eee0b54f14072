import { z } from 'zod';
import { MAX_BODY_BYTES, MAX_NOTE_BYTES } from '../../lib/sync/protocol';
import type { Limits } from './http/env';

export const DEFAULT_LIMITS: Limits = {
  perMember: { burst: 120, perMinute: 600 },
  perIp: { burst: 600, perMinute: 3000 },
  joinPerIp: { burst: 10, perMinute: 10 },
  // A first sync of a large offline backlog goes through in minutes; 28,500 notes in 10 s does not.
  writesPerMember: { burst: 2000, perMinute: 2000 },
  maxNoteBytes: MAX_NOTE_BYTES,
  pullPageBytes: 4 * 1024 * 1024,
  memberNotes: 20_000,
  memberBytes: 200 * 1024 * 1024,
  // A returning client needs the tombstones since its last pull; one away longer resets (never resurrects).
  tombstoneRetentionDays: 90,
  compactEveryMinutes: 60,
};

const KIB = 1024;
const MIB = 1024 * KIB;

/** One settable limit: its variable, where it goes, its bounds, and what it means (the README's table). */
interface LimitVar {
  name: string;
  min: number;
  max: number;
  fallback: number;
  meaning: string;
  set(l: SettableLimits, value: number): void;
}

/** What the environment may set: the limits, and the request body cap. */
export interface SettableLimits {
  limits: Limits;
  maxBodyBytes: number;
}

const rate = (
  prefix: string,
  key: 'perMember' | 'perIp' | 'joinPerIp' | 'writesPerMember',
  what: string,
  max: number,
): LimitVar[] => [
  {
    name: `${prefix}_BURST`,
    min: 1,
    max,
    fallback: DEFAULT_LIMITS[key].burst,
    meaning: `${what}: how many at once`,
    set: (l, v) => (l.limits[key] = { ...l.limits[key], burst: v }),
  },
  {
    name: `${prefix}_PER_MINUTE`,
    min: 1,
    max,
    fallback: DEFAULT_LIMITS[key].perMinute,
    meaning: `${what}: refilled per minute`,
    set: (l, v) => (l.limits[key] = { ...l.limits[key], perMinute: v }),
  },
];

/** Every limit the operator may set, in the README's order. */
export const LIMIT_VARS: readonly LimitVar[] = [
  ...rate('RATE_MEMBER', 'perMember', 'Requests per member (all their tokens together)', 1_000_000),
  ...rate('RATE_IP', 'perIp', 'Requests per client address', 1_000_000),
  ...rate('RATE_JOIN_IP', 'joinPerIp', 'Joins per client address (invite codes cannot be guessed)', 10_000),
  ...rate('WRITES_MEMBER', 'writesPerMember', 'Mutations pushed per member', 1_000_000),
  {
    name: 'MAX_NOTE_BYTES',
    min: KIB,
    max: MAX_NOTE_BYTES,
    fallback: DEFAULT_LIMITS.maxNoteBytes,
    meaning: `A note's JSON, in bytes (413 beyond); at most the protocol's ${MAX_NOTE_BYTES}, which clients check`,
    set: (l, v) => (l.limits.maxNoteBytes = v),
  },
  {
    name: 'PULL_PAGE_BYTES',
    min: 64 * KIB,
    max: 64 * MIB,
    fallback: DEFAULT_LIMITS.pullPageBytes,
    meaning: 'Note bytes per pull page (a larger single note still travels, alone)',
    set: (l, v) => (l.limits.pullPageBytes = v),
  },
  {
    name: 'MEMBER_NOTES_QUOTA',
    min: 1,
    max: 10_000_000,
    fallback: DEFAULT_LIMITS.memberNotes,
    meaning: 'Live notes per member (403 quota_exceeded beyond)',
    set: (l, v) => (l.limits.memberNotes = v),
  },
  {
    name: 'MEMBER_BYTES_QUOTA',
    // Never below one note of the largest size (MAX_NOTE_BYTES' own maximum).
    min: MAX_NOTE_BYTES,
    max: 1024 * 1024 * MIB,
    fallback: DEFAULT_LIMITS.memberBytes,
    meaning: 'Bytes of live notes per member (403 quota_exceeded beyond)',
    set: (l, v) => (l.limits.memberBytes = v),
  },
  {
    name: 'TOMBSTONE_RETENTION_DAYS',
    min: 1,
    max: 36_500,
    fallback: DEFAULT_LIMITS.tombstoneRetentionDays,
    meaning:
      'Days a deleted note is remembered before compaction; a client away longer (or behind an active member) resets when back',
    set: (l, v) => (l.limits.tombstoneRetentionDays = v),
  },
  {
    name: 'COMPACT_EVERY_MINUTES',
    min: 1,
    max: 7 * 24 * 60,
    fallback: DEFAULT_LIMITS.compactEveryMinutes,
    meaning: 'Minutes between compaction runs in each process (POST /v1/community/compact runs one at once)',
    set: (l, v) => (l.limits.compactEveryMinutes = v),
  },
  {
    name: 'MAX_BODY_BYTES',
    // Clients pack push batches up to the protocol's cap: a lower one would refuse their pushes.
    min: MAX_BODY_BYTES,
    max: 256 * MIB,
    fallback: MAX_BODY_BYTES,
    meaning: `Request body, in bytes (413 beyond); at least the protocol's ${MAX_BODY_BYTES}, up to which clients pack pushes`,
    set: (l, v) => (l.maxBodyBytes = v),
  },
];

/** A whole number written in plain digits (no sign, exponent, spaces or units), within the variable's bounds. */
const valueOf = (v: LimitVar) =>
  z
    .string()
    .regex(/^\d+$/, `${v.name} must be a whole number written in digits`)
    .transform(Number)
    .pipe(
      z.number().min(v.min, `${v.name} must be at least ${v.min}`).max(v.max, `${v.name} must be at most ${v.max}`),
    );

/**
 * The limits from the environment: each variable unset (or empty) keeps its default; any bad one throws one
 * line naming every bad variable and what it got, so the process refuses to start.
 */
export function readLimits(env: Record<string, string | undefined>): SettableLimits {
  const out: SettableLimits = { limits: structuredClone(DEFAULT_LIMITS), maxBodyBytes: MAX_BODY_BYTES };
  const problems: string[] = [];
  for (const v of LIMIT_VARS) {
    const raw = env[v.name];
    if (raw === undefined || raw === '') continue;
    const parsed = valueOf(v).safeParse(raw);
    if (parsed.success) v.set(out, parsed.data);
    else problems.push(`${parsed.error.issues[0]!.message}, got ${JSON.stringify(raw.slice(0, 40))}`);
  }
  if (problems.length) throw new Error(problems.join('; '));
  return out;
}

import { sign, verify } from '../crypto';

/**
 * What a pull cursor holds: the community, the epoch it was made in, the last version delivered, the token
 * of the push batch that version belongs to ('' for none): the proof of which history the client has seen
 * (sync/batches.ts), and the compaction fence when it was made (0 for cursors from before it was carried): a
 * cursor made below the fence, by a pull from scratch, pulls on while the fence has not moved since.
 */
export interface CursorState {
  communityId: string;
  epoch: string;
  version: number;
  token: string;
  fence: number;
}

/** `<base64url json>.<hmac>`: opaque to clients, unforgeable, bound to one community. */
export function encodeCursor(key: Buffer, state: CursorState): string {
  const payload = Buffer.from(
    JSON.stringify([state.communityId, state.epoch, state.version, state.token, state.fence]),
  ).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The cursor's state, or undefined when it was not made by this server (tampered, truncated, forged). */
export function decodeCursor(key: Buffer, cursor: string): CursorState | undefined {
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length || !verify(key, payload, signature)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    // Three items: a cursor from before batch tokens; '' is the token migration 002 gave those versions. Four:
    // from before the fence was carried; 0 is a fence no compaction is below, so it pulls as it always did.
    if (!Array.isArray(value) || value.length < 3 || value.length > 5) return undefined;
    const [communityId, epoch, version, token = '', fence = 0] = value as unknown[];
    if (typeof communityId !== 'string' || typeof epoch !== 'string' || typeof token !== 'string') return undefined;
    if (!isVersion(version) || !isVersion(fence)) return undefined;
    return { communityId, epoch, version, token, fence };
  } catch {
    return undefined;
  }
}

const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

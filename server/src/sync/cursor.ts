import { sign, verify } from '../crypto';

/**
 * What a pull cursor holds: the community, the epoch it was made in, the last version delivered, and the token
 * of the push batch that version belongs to ('' for none): the proof of which history the client has seen.
 */
export interface CursorState {
  communityId: string;
  epoch: string;
  version: number;
  token: string;
}

/** `<base64url json>.<hmac>`: opaque to clients, unforgeable, bound to one community. */
export function encodeCursor(key: Buffer, state: CursorState): string {
  const payload = Buffer.from(JSON.stringify([state.communityId, state.epoch, state.version, state.token])).toString(
    'base64url',
  );
  return `${payload}.${sign(key, payload)}`;
}

/** The cursor's state, or undefined when it was not made by this server (tampered, truncated, forged). */
export function decodeCursor(key: Buffer, cursor: string): CursorState | undefined {
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length || !verify(key, payload, signature)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    // Three items: a cursor from before batch tokens; '' is the token migration 002 gave those versions.
    if (!Array.isArray(value) || (value.length !== 3 && value.length !== 4)) return undefined;
    const [communityId, epoch, version, token = ''] = value as unknown[];
    if (typeof communityId !== 'string' || typeof epoch !== 'string' || typeof token !== 'string') return undefined;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return undefined;
    return { communityId, epoch, version, token };
  } catch {
    return undefined;
  }
}

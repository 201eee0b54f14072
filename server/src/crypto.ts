import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit member tokens: shown once, stored as SHA-256 (high entropy, so a fast hash is enough). */
export const newToken = (): string => `cp_${randomBytes(32).toString('base64url')}`;
/** 128-bit invite codes: short enough to paste, too many to guess under the join rate limit. */
export const newInviteCode = (): string => randomBytes(16).toString('base64url');
export const newEpoch = (): string => randomBytes(9).toString('base64url');
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Signs `payload` so a client cannot forge or edit a cursor. */
export function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function verify(key: Buffer, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

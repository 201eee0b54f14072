import { z } from 'zod';

/**
 * THE text rule: every string a user, a page or another member gives us. No NUL (PostgreSQL refuses it in
 * text and jsonb, so one such note would stop a member's sync for good) and no lone surrogates (they are not
 * Unicode: JSON, IndexedDB keys and PostgreSQL all choke on them). Used for every string of the note schema
 * and of the sync protocol, so the capture refuses such input before it is ever stored or sent.
 */
export const isSafeText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

export const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .refine((s) => s.isWellFormed(), 'must not contain lone surrogates');

/**
 * Only web URLs are ever stored or opened: never javascript:, data:, file: ... The parsed URL is what is
 * kept (`href`), not the input: the parser's output is canonical, so what is stored is what was checked.
 */
export const WebUrlSchema = safeText(4096)
  .transform((s, ctx) => {
    try {
      const u = new URL(s);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // refused below
    }
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    return z.NEVER;
  })
  .pipe(z.string().max(4096));

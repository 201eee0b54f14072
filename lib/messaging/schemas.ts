import { z } from 'zod';
import { ChatContextSchema, SelectorSchema, WebUrlSchema, safeText } from '../model';
import type { CaptureRequest } from './protocol';

/**
 * Validation for what content scripts send. They run in hostile pages, so the background checks everything
 * they hand over. Kept apart from protocol.ts so the content script's bundle carries no zod.
 */
export const CaptureRequestSchema = z.strictObject({
  mode: z.enum(['selection', 'page', 'link', 'thread']),
  url: WebUrlSchema,
  quote: safeText(20_000),
  selectors: z.array(SelectorSchema).max(8),
  html: z.string().max(8_000_000),
  linkUrl: WebUrlSchema.optional(),
  linkText: safeText(2000).optional(),
  chat: ChatContextSchema.optional(),
  chatMissing: z
    .array(z.enum(['id', 'author', 'timestamp', 'permalink', 'text', 'channel']))
    .max(6)
    .optional(),
}) satisfies z.ZodType<CaptureRequest>;

import { describe, expect, it } from 'vitest';
import { NOTE_SCHEMA_VERSION } from '../model';
import { formatHlc } from './hlc';
import {
  MutationResultSchema,
  PullQuerySchema,
  PushRequestSchema,
  formatInviteLink,
  parseInviteLink,
} from './protocol';

const note = {
  schemaVersion: NOTE_SCHEMA_VERSION,
  id: '0190a6f0-0000-7000-8000-000000000001',
  kind: 'insight',
  quote: 'q',
  takeaway: 't',
  tags: ['a'],
  selectors: [],
  page: { url: 'https://example.org/a', canonicalUrl: 'https://example.org/a', title: 'A' },
  pageKey: 'example.org/a',
  createdAt: 1,
  updatedAt: 1,
};
const base = { clientId: 'client-0001', mutationNumber: 1, hlc: formatHlc(1, 0) };

describe('sync protocol schemas', () => {
  it('accepts each kind of mutation', () => {
    const mutations = [
      { ...base, op: 'create', note },
      { ...base, mutationNumber: 2, op: 'edit', noteId: note.id, patch: { takeaway: 'x' } },
      { ...base, mutationNumber: 3, op: 'thank', noteId: note.id },
      { ...base, mutationNumber: 4, op: 'unthank', noteId: note.id },
      { ...base, mutationNumber: 5, op: 'delete', noteId: note.id },
    ];
    expect(PushRequestSchema.safeParse({ mutations }).success).toBe(true);
  });

  it.each([
    ['unknown field', { mutations: [{ ...base, op: 'thank', noteId: note.id, extra: 1 }] }],
    ['empty batch', { mutations: [] }],
    ['zero mutation number', { mutations: [{ ...base, mutationNumber: 0, op: 'thank', noteId: note.id }] }],
    ['bad hlc', { mutations: [{ ...base, hlc: '2024-01-01', op: 'thank', noteId: note.id }] }],
    ['short client id', { mutations: [{ ...base, clientId: 'x', op: 'thank', noteId: note.id }] }],
    ['empty edit', { mutations: [{ ...base, op: 'edit', noteId: note.id, patch: {} }] }],
    ['created deleted', { mutations: [{ ...base, op: 'create', note: { ...note, deletedAt: 2 } }] }],
    [
      'javascript url',
      { mutations: [{ ...base, op: 'create', note: { ...note, page: { ...note.page, url: 'javascript:alert(1)' } } }] },
    ],
    ['unknown op', { mutations: [{ ...base, op: 'merge', noteId: note.id }] }],
  ])('rejects %s', (_name, body) => {
    expect(PushRequestSchema.safeParse(body).success).toBe(false);
  });

  it('bounds the pull limit and coerces query strings', () => {
    expect(PullQuerySchema.parse({ limit: '50' }).limit).toBe(50);
    expect(PullQuerySchema.parse({}).limit).toBe(500);
    expect(PullQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(PullQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
  });

  it('requires a reason on rejected results', () => {
    expect(
      MutationResultSchema.safeParse({ clientId: 'client-0001', mutationNumber: 1, status: 'rejected' }).success,
    ).toBe(false);
  });

  it('round-trips invite links and keeps the code out of the path', () => {
    const code = 'AbCdEfGhIjKlMnOpQrStUv';
    const link = formatInviteLink('https://cp.example.org/', code);
    expect(new URL(link).pathname).toBe('/join');
    expect(parseInviteLink(link)).toEqual({ endpoint: 'https://cp.example.org', code });
    expect(parseInviteLink(code)).toEqual({ code });
    expect(parseInviteLink('javascript:alert(1)#code=' + code)).toBeUndefined();
    expect(parseInviteLink('https://x.org/join#code=bad!')).toBeUndefined();
  });
});

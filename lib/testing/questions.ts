/** Test-only: questions, answers and events for lib/questions' tests and the relay benchmark. */
import type { ChatContext, Note } from '../model';
import { makeNote } from './make-note';
import type { QuestionEvent } from '../questions/events';

export const CM = '00000000-0000-4000-8000-0000000000c1';
export const T0 = Date.UTC(2026, 10, 2, 9);
let seq = 0;
const uuid = () => `0190ffff-0000-7000-8000-${(++seq).toString(16).padStart(12, '0')}`;

export const publicChat: ChatContext = { platform: 'slack', channel: 'infra', messages: [], isPrivate: false };

export function question(by: string, over: Partial<Note> = {}): Note {
  return makeNote({
    kind: 'question',
    quote: 'How do we rotate the staging database password without downtime?',
    takeaway: '',
    communityId: CM,
    author: { id: by, name: by },
    createdAt: T0,
    updatedAt: T0,
    chat: publicChat,
    ...over,
  });
}

export function answer(q: Note, by: string, at: number, over: Partial<Note> = {}): Note {
  return makeNote({
    kind: 'answer',
    quote: '',
    takeaway: 'Use the dual-password window: add the new one, roll the apps, drop the old one.',
    communityId: q.communityId ?? null,
    author: { id: by, name: by },
    links: { answers: q.id },
    createdAt: at,
    updatedAt: at,
    ...over,
  });
}

type Of<T extends QuestionEvent['type']> = Omit<Extract<QuestionEvent, { type: T }>, 'id' | 'type'>;
export const relayed = (e: Of<'relayed'>): QuestionEvent => ({ id: uuid(), type: 'relayed', ...e });
export const confirmed = (e: Of<'confirmed'>): QuestionEvent => ({ id: uuid(), type: 'confirmed', ...e });
export const linked = (e: Of<'answer-linked'>): QuestionEvent => ({ id: uuid(), type: 'answer-linked', ...e });
export const meToo = (e: Of<'me-too'>): QuestionEvent => ({ id: uuid(), type: 'me-too', ...e });

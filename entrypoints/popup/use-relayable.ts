import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { db } from '@/lib/db';
import { relayableAnswers } from '@/lib/db/question-relay';
import type { Note } from '@/lib/model';

/**
 * Which of the list's chat questions this member may relay now, and with which answer, live (a relay recorded
 * elsewhere takes the button away). A card whose relay was written here keeps saying so after the question
 * stops being relayable (`written`).
 */
export function useRelayable(notes: readonly Note[]) {
  const questions = notes.filter((n) => n.kind === 'question' && n.chat).map((n) => n.id);
  const key = questions.join(' ');
  const answers = useLiveQuery(() => relayableAnswers(db, questions, Date.now()), [key]);
  const [written, setWritten] = useState<ReadonlySet<string>>(new Set());
  // One function for the list's life: memoised cards take it as a prop (a new one each render drew every card
  // of every list again, counted by ResultList.test.tsx).
  const markWritten = useCallback((questionId: string) => setWritten((w) => new Set(w).add(questionId)), []);
  return {
    answerOf: (questionId: string) => answers?.get(questionId),
    isWritten: (questionId: string) => written.has(questionId),
    markWritten,
  };
}

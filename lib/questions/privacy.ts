import type { Note } from '../model';

/**
 * Whether a question was asked somewhere private (a private channel, a DM). The chat adapters set
 * `chat.isPrivate` when the page says so; a chat capture that cannot tell is treated as private, because
 * announcing a DM to a channel cannot be undone and keeping a public question quiet costs little. A question
 * harvested from an ordinary web page was not asked in a chat, so it is not private.
 */
export function isPrivateQuestion(question: Pick<Note, 'chat'>): boolean {
  return question.chat !== undefined && question.chat.isPrivate !== false;
}

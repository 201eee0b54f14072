import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import type { RoomMessage, ScriptedMember } from './member';

/** converse.js's message composer in the open room (the element a relay writes its draft into). */
export const converseComposer = (page: Page) => page.locator('textarea.chat-textarea');

/**
 * The composer already holds `text` (typed, or written by a relay): click converse.js's send button and wait
 * until `member` receives exactly `text` in the room; the composer is empty again afterwards.
 */
export async function clickSendAndAwait(page: Page, member: ScriptedMember, text: string): Promise<RoomMessage> {
  await expect(converseComposer(page)).toHaveValue(text);
  const received = member.receive(text);
  await page.getByRole('button', { name: 'Send the message' }).click();
  const message = await received;
  await expect(converseComposer(page)).toHaveValue('');
  return message;
}

/** Types `text` into converse.js's real composer as a person does, clicks send, and awaits `member` receiving it. */
export async function sendFromComposerAndAwait(page: Page, member: ScriptedMember, text: string) {
  const composer = converseComposer(page);
  await composer.click();
  await composer.pressSequentially(text);
  return clickSendAndAwait(page, member, text);
}

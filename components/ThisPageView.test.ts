import { describe, expect, it } from 'vitest';
import { movedMessage } from './ThisPageView';

describe('movedMessage', () => {
  it('counts the notes moved', () => {
    expect(movedMessage({ moved: 1, skipped: 0 })).toBe('Moved 1 note.');
    expect(movedMessage({ moved: 3, skipped: 0 })).toBe('Moved 3 notes.');
  });
  it('says which notes stayed, and why', () => {
    expect(movedMessage({ moved: 2, skipped: 1 })).toBe(
      'Moved 2 notes. 1 note by other members stayed: only a note’s author can move it.',
    );
  });
});

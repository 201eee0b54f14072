import { describe, expect, it } from 'vitest';
import { logger, type LogLevel } from './log';

function collect() {
  const lines: [LogLevel, string, unknown][] = [];
  return { lines, sink: (level: LogLevel, line: string, detail?: unknown) => void lines.push([level, line, detail]) };
}

describe('the extension logger', () => {
  it('writes one prefix style, with the context, at the level asked', () => {
    const { lines, sink } = collect();
    const log = logger('sync', sink);
    const e = new Error('boom');
    log.warn('outbox watch failed', e);
    log.info('joined');
    expect(lines).toEqual([
      ['warn', '[commonplace:sync] outbox watch failed', e],
      ['info', '[commonplace:sync] joined', undefined],
    ]);
  });

  it('logs a failure as an error, and a missing other end (no content script, old context) at debug', () => {
    const { lines, sink } = collect();
    const failed = logger('harvest', sink).failed('could not start');
    failed(new Error('Could not establish connection. Receiving end does not exist.'));
    failed(new Error('Extension context invalidated.'));
    failed(new Error('quota exceeded'));
    failed('a string');
    expect(lines.map(([level]) => level)).toEqual(['debug', 'debug', 'error', 'error']);
    expect(lines[2]![1]).toBe('[commonplace:harvest] could not start');
  });
});

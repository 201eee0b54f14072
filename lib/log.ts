/**
 * The extension's one logger: every line reads `[commonplace:<context>] <message>` with the error or detail
 * after it, at one of four levels. Failures we expect where the extension cannot reach (a tab without our
 * content script, such as chrome:// pages; a script left behind by an extension update) are logged at `debug`,
 * hidden by default, so the console's errors are the ones worth reading (as refined-github does with
 * "Extension context invalidated"). Catch at the top and log here; below, return or re-throw.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** For `.catch(log.failed('what failed'))`: logs the error at `error` (or `debug` when expected). */
  failed(message: string): (e: unknown) => void;
}

/** Errors that say only that the other end is not there: no content script in that tab, or an old context. */
const UNREACHABLE = /Receiving end does not exist|Could not establish connection|Extension context invalidated/;

/** Whether `e` only says that the other end of a message was not there. */
export function isUnreachable(e: unknown): boolean {
  return UNREACHABLE.test(e instanceof Error ? e.message : String(e));
}

/** Where lines go: the console, or a test's collector. */
export type LogSink = (level: LogLevel, line: string, detail?: unknown) => void;

/** The one place that writes to the console (eslint's no-console allows this file alone). */
const toConsole: LogSink = (level, line, detail) =>
  detail === undefined ? console[level](line) : console[level](line, detail);

/** A logger for one part of the extension (`context`: 'sync', 'search host', 'popup'…). */
export function logger(context: string, sink: LogSink = toConsole): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, detail?: unknown): void =>
      sink(level, `[commonplace:${context}] ${message}`, detail);
  const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return {
    ...log,
    failed: (message) => (e) => (isUnreachable(e) ? log.debug : log.error)(message, e),
  };
}

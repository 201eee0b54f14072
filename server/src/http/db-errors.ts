/**
 * The last line of defence behind the schemas: PostgreSQL errors that mean "this input cannot be stored"
 * (SQLSTATE class 22, data exception: NUL, bad Unicode escapes, values out of range; and 54000, program limit
 * exceeded: a value too large) are the caller's fault, answered 400 like any refused body. The transaction has
 * rolled back, so nothing changed. Everything else stays a 500.
 */
const BAD_INPUT = /^(22[0-9A-Z]{3}|54000)$/;

export function isBadInputDbError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && BAD_INPUT.test(code);
}

/** A unique index refused a row a check had let through (two requests raced): a conflict, not a fault. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

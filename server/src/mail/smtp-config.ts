import type { SmtpSettings } from '../rituals/email';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The endpoint's mail settings from its environment: `SMTP_URL` (`smtp://user:pass@host:587`, STARTTLS required
 * off this machine; `smtps://…:465`, TLS from the first byte) and `MAIL_FROM` (`Commonplace <hub@example.org>`).
 * Both unset: undefined, nothing is mailed. One without the other, or a URL that is not SMTP, stops the start.
 */
export function readSmtp(env: NodeJS.ProcessEnv): SmtpSettings | undefined {
  const url = env.SMTP_URL || '';
  const from = env.MAIL_FROM || '';
  if (!url && !from) return undefined;
  if (!url || !from) throw new Error('SMTP_URL and MAIL_FROM go together: set both to send mail, or neither');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error('SMTP_URL must start with smtp:// or smtps://');
  const secure = u.protocol === 'smtps:';
  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  return {
    host: u.hostname,
    port,
    secure,
    requireTLS: !secure && !LOOPBACK.has(u.hostname),
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    from,
  };
}

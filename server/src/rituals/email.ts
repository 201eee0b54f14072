import nodemailer from 'nodemailer';
import type { RitualPost } from '../../../lib/rituals';
import { renderEmail } from '../../../lib/rituals/render';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send without TLS (set for any server off this machine). */
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

/**
 * Sends a ritual post by e-mail: the plain-text and HTML parts renderEmail makes, the post's title as subject
 * (one line: a member's words can never add a header). Resolves to the message id the server accepted.
 */
export async function sendRitualEmail(smtp: SmtpSettings, to: readonly string[], post: RitualPost): Promise<string> {
  return sendMail(smtp, to, renderEmail(post));
}

/**
 * Sends one message (plain text and HTML) through the SMTP server; the subject is put on one line (a member's
 * words can never add a header). Resolves to the message id the server accepted; rejects with nodemailer's
 * error (its `responseCode` is the server's answer, when there was one).
 */
export async function sendMail(
  smtp: SmtpSettings,
  to: readonly string[],
  body: { subject: string; text: string; html: string },
): Promise<string> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    auth: smtp.auth,
  });
  try {
    const info = await transport.sendMail({
      from: smtp.from,
      to: [...to],
      subject: body.subject.replace(/\s+/g, ' ').trim(),
      text: body.text,
      html: body.html,
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}

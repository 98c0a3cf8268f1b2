import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer';

/**
 * Sends over SMTP with nodemailer. A refused connection or a 4xx/5xx answer rejects `send`, so the queue job that
 * called it fails and is retried (queue.ts): the message is never dropped here.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string
  ) {
    // No pooled connections: a mail server that went away must not leave a dead socket for the next job.
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: {
        ...(message.language ? { 'Content-Language': message.language } : {}),
        // RFC 2369: mail clients show an "unsubscribe" button that opens the link (a page that asks, then stops).
        ...(message.unsubscribeUrl ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>` } : {})
      }
    });
  }

  close(): void {
    this.transport.close();
  }
}

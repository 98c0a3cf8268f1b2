import type { Mailer, MailMessage } from './mailer';

/** Local mode: the message goes to the server log, so an invitation or reset link can be copied from there. */
export class LogMailer implements Mailer {
  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  async send(message: MailMessage): Promise<void> {
    const body = message.text
      .split('\n')
      .map((line) => `[mail]   ${line}`)
      .join('\n');
    this.write(`[mail] to: ${message.to}\n[mail] subject: ${message.subject}\n${body}`);
  }
}

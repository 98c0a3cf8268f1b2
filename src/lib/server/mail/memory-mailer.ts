import type { Mailer, MailMessage } from './mailer';

/** Keeps messages in a list: for tests and previews that need to read what would have been sent. */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }

  /** The last message to an address, or undefined. */
  lastTo(address: string): MailMessage | undefined {
    return this.sent.filter((m) => m.to === address).at(-1);
  }
}

/** The first link in a message's text (the flows send exactly one). */
export function linkIn(message: MailMessage | undefined): URL | undefined {
  const match = message?.text.match(/https?:\/\/\S+/);
  return match ? new URL(match[0]) : undefined;
}

/**
 * A real SMTP server for tests (npm `smtp-server`), on 127.0.0.1: mail the app sends over SMTP_URL arrives here and
 * is parsed (mailparser) so tests assert on what a mail client would show. It can be stopped and started again on
 * the same port, to prove that mail sent while it is down is retried, not lost.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../tools/process/ports';

export interface TestSmtpServer {
  readonly port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  /** Every mail received, in order of arrival. */
  readonly received: ParsedMail[];
  /** Mail to these addresses is refused with 550 (a permanent failure, for dead-letter tests). */
  readonly refuse: Set<string>;
  /** Connections are refused while stopped. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Received mail to `address`, in order. */
  to(address: string): ParsedMail[];
}

export async function startTestSmtpServer(port?: number): Promise<TestSmtpServer> {
  const chosen = port ?? (await freePort());
  const received: ParsedMail[] = [];
  const refuse = new Set<string>();
  let server: SMTPServer | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (refuse.has(address.address.toLowerCase())) {
            const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
            return callback(error);
          }
          callback();
        },
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) => {
              received.push(mail);
              callback();
            },
            (error: Error) => callback(error)
          );
        }
      });
      server.once('error', reject);
      server.listen(chosen, '127.0.0.1', () => resolve());
    });

  await listen();
  return {
    port: chosen,
    url: `smtp://127.0.0.1:${chosen}`,
    received,
    refuse,
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = undefined;
        if (!current) return resolve();
        current.close(() => resolve());
      }),
    start: () => (server ? Promise.resolve() : listen()),
    to: (address) =>
      received.filter((mail) =>
        (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).some((t) =>
          t.value.some((v) => v.address?.toLowerCase() === address.toLowerCase())
        )
      )
  };
}

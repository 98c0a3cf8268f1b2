import type { MailMessage } from '../mail/mailer';

/** Told to the owner when failed sign-ins start slowing their account down (login-throttle.ts). */
export function failedSignInsMessage(
  to: string,
  failures: number,
  maxDelayMinutes: number,
  resetLink: string
): MailMessage {
  return {
    to,
    subject: 'Failed sign-ins on your Coalition Atlas account',
    text: [
      `There were ${failures} failed attempts to sign in to your Coalition Atlas account with a wrong password.`,
      `Further attempts are now slowed down (a few seconds at first, at most ${maxDelayMinutes} minutes): signing in`,
      'with your password still works once the wait is over.',
      '',
      'If this was not you, someone may be guessing your password. You can choose a new one here:',
      resetLink,
      '',
      'If it was you, you can ignore this email.'
    ].join('\n')
  };
}

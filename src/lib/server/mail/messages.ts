import type { MailMessage } from './mailer';

/**
 * The texts of the account emails. English only for now: the recipient has no account (invitation) or is not
 * signed in (reset), so their language is not known yet.
 */
export function invitationMessage(to: string, link: string, expiresAt: Date, organizationName?: string): MailMessage {
  const where = organizationName ? ` to manage the profile of ${organizationName}` : '';
  return {
    to,
    subject: 'Your invitation to Coalition Atlas',
    text: [
      `You have been invited to Coalition Atlas${where}.`,
      '',
      'Create your account here (the link works once):',
      link,
      '',
      `The invitation expires on ${expiresAt.toUTCString()}.`,
      'If you did not expect this email, you can ignore it.'
    ].join('\n')
  };
}

export function passwordResetMessage(to: string, link: string, expiresAt: Date): MailMessage {
  return {
    to,
    subject: 'Reset your Coalition Atlas password',
    text: [
      'Someone (hopefully you) asked to reset the password of your Coalition Atlas account.',
      '',
      'Choose a new password here (the link works once):',
      link,
      '',
      `The link expires on ${expiresAt.toUTCString()}. Setting a new password signs out all your other sessions.`,
      'If you did not ask for this, you can ignore this email: your password stays as it is.'
    ].join('\n')
  };
}

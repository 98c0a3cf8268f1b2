import type { MailMessage } from './mailer';

/**
 * "A partnership was proposed to your organisation". Transactional (it concerns a proposal addressed to the
 * recipient's organisation), so no unsubscribe link. English only until users have a stored language.
 */
export function proposalReceivedMessage(
  to: string,
  p: { from: string; to: string; title: string | null; message: string | null; link: string; expiresAt: Date | null }
): MailMessage {
  return {
    to,
    subject: `${p.from} proposes a partnership to ${p.to}`,
    text: [
      `${p.from} proposes a partnership to ${p.to} on Coalition Atlas${p.title ? `: "${p.title}"` : '.'}`,
      ...(p.message ? ['', `Their message:`, '', ...p.message.split('\n').map((line) => `> ${line}`)] : []),
      '',
      'Confirm or decline it here (sign in first):',
      p.link,
      '',
      p.expiresAt
        ? `Without an answer the proposal expires on ${p.expiresAt.toUTCString()}.`
        : 'The proposal stays open until you answer.',
      'You receive this because you manage this organisation on Coalition Atlas.'
    ].join('\n')
  };
}

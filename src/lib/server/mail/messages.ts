import { m } from '../../i18n/generated/messages.js';
import type { MailLanguage } from '../notifications/kinds';
import type { MailMessage } from './mailer';

/**
 * The texts of the account emails, in the recipient's language (decision 0043): their stored `User.language` when
 * they have an account (password reset, failed sign-ins); an invitation goes to someone without one, so it is
 * written in the language of the admin who sent it — the person who knows them.
 */
const when = (d: Date, locale: MailLanguage) =>
  `${d.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' })} UTC`;

export function invitationMessage(
  to: string,
  link: string,
  expiresAt: Date,
  locale: MailLanguage,
  organizationName?: string
): MailMessage {
  const o = { locale };
  return {
    to,
    language: locale,
    subject: m.s23m_invite_subject({}, o),
    text: [
      organizationName ? m.s23m_invite_intro_org({ organization: organizationName }, o) : m.s23m_invite_intro({}, o),
      '',
      m.s23m_invite_create({}, o),
      link,
      '',
      m.s23m_invite_expires({ date: when(expiresAt, locale) }, o),
      m.s23m_invite_ignore({}, o)
    ].join('\n')
  };
}

export function passwordResetMessage(to: string, link: string, expiresAt: Date, locale: MailLanguage): MailMessage {
  const o = { locale };
  return {
    to,
    language: locale,
    subject: m.s23m_reset_subject({}, o),
    text: [
      m.s23m_reset_intro({}, o),
      '',
      m.s23m_reset_choose({}, o),
      link,
      '',
      m.s23m_reset_expires({ date: when(expiresAt, locale) }, o),
      m.s23m_reset_ignore({}, o)
    ].join('\n')
  };
}

/** Told to the owner when failed sign-ins start slowing their account down (login-throttle.ts). */
export function failedSignInsMessage(
  to: string,
  failures: number,
  maxDelayMinutes: number,
  resetLink: string,
  locale: MailLanguage
): MailMessage {
  const o = { locale };
  return {
    to,
    language: locale,
    subject: m.s23m_failed_subject({}, o),
    text: [
      m.s23m_failed_intro({ failures: String(failures) }, o),
      m.s23m_failed_slowed({ minutes: String(maxDelayMinutes) }, o),
      '',
      m.s23m_failed_reset({}, o),
      resetLink,
      '',
      m.s23m_failed_ignore({}, o)
    ].join('\n')
  };
}

/**
 * To an organisation's public contact address, when a partnership was proposed to it and nobody manages its
 * profile (issue 15 part 3): written in the organisation's language when recorded, else the site's default.
 */
export function claimInvitationMessage(
  to: string,
  p: { organization: string; proposer: string; link: string; locale: MailLanguage }
): MailMessage {
  const o = { locale: p.locale };
  return {
    to,
    language: p.locale,
    subject: m.s23n_claim_subject({ organization: p.organization }, o),
    text: [
      m.s23n_claim_intro({ organization: p.organization, proposer: p.proposer }, o),
      '',
      m.s23n_claim_how({}, o),
      p.link,
      '',
      m.s23n_claim_why({}, o)
    ].join('\n')
  };
}

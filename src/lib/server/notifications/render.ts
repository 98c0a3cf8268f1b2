import { m } from '../../i18n/generated/messages.js';
import type { NotificationKind } from '../db/generated/client';
import { env } from '../env';
import type { MailMessage } from '../mail/mailer';
import type { MailLanguage } from './kinds';
import type { NoticeSubject } from './subjects';
import { introductionNotice } from './introduction-text';
import type { AlertSubject } from '../saved-searches/alert-subjects';
import { savedSearchHref } from '../saved-searches/search-scope';

/** A notification in words: the inbox shows title and link, the mail adds the lines. */
export interface NoticeText {
  title: string;
  lines: string[];
  link: string;
}

export function atlasOrigin(): string {
  return env().ORIGIN ?? `http://localhost:${env().PORT}`;
}

const date = (d: Date, locale: MailLanguage) =>
  d.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long' });

/**
 * The words for one notification in `locale`. `viewerOrgIds` picks the recipient's side of a partnership for the
 * link (each side reads it under its own organisation's page).
 */
export function noticeText(subject: NoticeSubject, locale: MailLanguage, viewerOrgIds: string[]): NoticeText {
  const o = { locale };
  const { notification: n, partnership: p, organization } = subject;
  if (subject.introduction) {
    const link = new URL(`/inbox#introduction-${subject.introduction.id}`, atlasOrigin()).toString();
    return { ...introductionNotice(n.kind, subject.introduction, locale, link), link };
  }
  if (subject.alert) return alertText(subject.alert, locale);
  if (p) {
    const a = p.orgA.name;
    const b = p.orgB.name;
    const mySlug = viewerOrgIds.includes(p.orgBId) ? p.orgB.slug : p.orgA.slug;
    const link = new URL(`/organizations/${mySlug}/partnerships/${p.id}`, atlasOrigin()).toString();
    const titled = p.title ? [m.mail2_partnership_title({ title: p.title }, o)] : [];
    switch (n.kind) {
      case 'PARTNERSHIP_PROPOSED':
        return {
          title: m.mail2_proposed_subject({ from: a, to: b }, o),
          lines: [
            m.mail2_proposed_intro({ from: a, to: b }, o),
            ...titled,
            ...(p.message ? ['', m.mail2_their_message({}, o), '', ...p.message.split('\n').map((l) => `> ${l}`)] : []),
            '',
            m.mail2_answer_here({}, o),
            link,
            '',
            p.expiresAt ? m.mail2_expires_on({ date: date(p.expiresAt, locale) }, o) : m.mail2_no_expiry({}, o)
          ],
          link
        };
      case 'PARTNERSHIP_CONFIRMED':
        return simple(m.mail2_confirmed_subject({ from: a, to: b }, o), titled, link, locale);
      case 'PARTNERSHIP_DECLINED':
        return simple(m.mail2_declined_subject({ from: a, to: b }, o), titled, link, locale);
      case 'PARTNERSHIP_ENDED':
        return simple(m.mail2_ended_subject({ a, b }, o), titled, link, locale);
      default:
        return simple(
          m.mail2_narrowed_subject({ a, b }, o),
          [...titled, m.mail2_narrowed_now({ visibility: visibilityWord(p.visibility, locale) }, o)],
          link,
          locale
        );
    }
  }
  const name = organization?.name ?? '—';
  const link = organization
    ? new URL(`/organizations/${organization.slug}`, atlasOrigin()).toString()
    : new URL('/account', atlasOrigin()).toString();
  if (n.kind === 'ORGANIZATION_VERIFIED') {
    return simple(m.s23m_verified_title({ org: name }, o), [m.s23m_verified_intro({ org: name }, o)], link, locale);
  }
  const title = n.approved
    ? m.mail2_claim_approved_subject({ org: name }, o)
    : m.mail2_claim_rejected_subject({ org: name }, o);
  return simple(title, [], link, locale);
}

const alertCount = (alert: AlertSubject) =>
  alert.organizations.length + alert.partnerships.length + alert.grants.length;

/** A saved-search alert: what is new, each with its link, and the search itself (on its own page). */
function alertText(alert: AlertSubject, locale: MailLanguage): NoticeText {
  const o = { locale };
  const link = savedSearchHref(alert.savedSearch, atlasOrigin());
  const profile = (slug: string) => new URL(`/organizations/${slug}`, atlasOrigin()).toString();
  const name = alert.savedSearch.name;
  return {
    title: m.saved_alert_title({ name, count: String(alertCount(alert)) }, o),
    lines: [
      m.saved_alert_intro({ name }, o),
      ...(alert.organizations.length > 0 ? ['', m.saved_alert_new_organizations({}, o)] : []),
      ...alert.organizations.map((org) => `• ${org.name} — ${profile(org.slug)}`),
      ...(alert.partnerships.length > 0 ? ['', m.saved_alert_new_partnerships({}, o)] : []),
      ...alert.partnerships.map((p) => `• ${p.orgA.name} ↔ ${p.orgB.name} — ${profile(p.orgA.slug)}`),
      ...(alert.grants.length > 0 ? ['', m.s23m_alert_new_grants({}, o)] : []),
      ...alert.grants.map(
        (g) =>
          `• ${g.funder.name} → ${g.recipient.name}: ${g.amountAwarded.toFixed(2)} ${g.currency} (${g.title}) — ${profile(g.recipient.slug)}`
      ),
      '',
      m.saved_alert_open_search({}, o),
      link
    ],
    link
  };
}

/** An alert with nothing its reader may still see (everything archived or narrowed since): not worth a mail. */
export function isEmptyAlert(subject: NoticeSubject): boolean {
  return Boolean(subject.alert && alertCount(subject.alert) === 0);
}

function simple(title: string, extra: string[], link: string, locale: MailLanguage): NoticeText {
  return { title, lines: [title + '.', ...extra, '', m.mail2_open_here({}, { locale }), link], link };
}

function visibilityWord(visibility: string, locale: MailLanguage): string {
  const o = { locale };
  if (visibility === 'PUBLIC') return m.mail2_visibility_public({}, o);
  if (visibility === 'MEMBERS') return m.mail2_visibility_members({}, o);
  return m.mail2_visibility_private({}, o);
}

/** The unsubscribe link of a kind: works without signing in (the token is the user's secret). */
export function unsubscribeUrl(token: string, kind: NotificationKind | 'ALL'): string {
  const url = new URL(`/unsubscribe/${token}`, atlasOrigin());
  url.searchParams.set('kind', kind);
  return url.toString();
}

/** One notification by mail. Not transactional (the member chose to get it): it carries an unsubscribe link. */
export function noticeMail(
  to: string,
  locale: MailLanguage,
  text: NoticeText,
  kind: NotificationKind,
  token: string
): MailMessage {
  const stop = unsubscribeUrl(token, kind);
  return {
    to,
    subject: text.title,
    language: locale,
    unsubscribeUrl: stop,
    text: [...text.lines, '', '--', m.mail2_why({}, { locale }), m.mail2_unsubscribe({ link: stop }, { locale })].join(
      '\n'
    )
  };
}

/** The daily digest: every notification of the day in one mail. */
export function digestMail(to: string, locale: MailLanguage, texts: NoticeText[], token: string): MailMessage {
  const stop = unsubscribeUrl(token, 'ALL');
  return {
    to,
    subject: m.mail2_digest_subject({ count: String(texts.length) }, { locale }),
    language: locale,
    unsubscribeUrl: stop,
    text: [
      m.mail2_digest_intro({}, { locale }),
      '',
      ...texts.flatMap((t) => [`• ${t.title}`, `  ${t.link}`]),
      '',
      '--',
      m.mail2_why({}, { locale }),
      m.mail2_unsubscribe_all({ link: stop }, { locale })
    ].join('\n')
  };
}

import { m } from '../../i18n/generated/messages.js';
import type { IntroductionView } from '../introductions/views';
import type { MailLanguage } from './kinds';

const date = (d: Date, locale: MailLanguage) =>
  d.toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC', dateStyle: 'long' });

const quoted = (text: string) => text.split('\n').map((l) => `> ${l}`);

/** The contact details of an accepted introduction, as lines (only what introductionView handed out). */
export function contactLines(view: IntroductionView, locale: MailLanguage): string[] {
  if (!view.contacts) return [];
  const o = { locale };
  const other = view.side === 'asker' ? view.to.name : view.from.name;
  return [
    m.intro_mail_contacts_heading({ org: other }, o),
    ...view.contacts.people.map((p) => `  ${p.name} <${p.email}>`),
    ...(view.contacts.organizationEmail
      ? [m.intro_mail_org_contact({ org: other, email: view.contacts.organizationEmail }, o)]
      : [])
  ];
}

/**
 * The words of an introduction notice: a request (to the asked side, with the message and the reason) or an
 * acceptance (to both people who agreed, with the other side's contact details). Nothing else is ever announced.
 */
export function introductionNotice(
  kind: string,
  view: IntroductionView,
  locale: MailLanguage,
  link: string
): { title: string; lines: string[] } {
  const o = { locale };
  const from = view.from.name;
  const to = view.to.name;
  if (kind === 'INTRODUCTION_REQUESTED') {
    return {
      title: m.intro_mail_requested_subject({ from, to }, o),
      lines: [
        m.intro_mail_requested_intro({ person: view.requesterName ?? '—', from, to }, o),
        ...(view.reason ? ['', m.intro_mail_reason({}, o), ...quoted(view.reason)] : []),
        '',
        m.intro_mail_message({}, o),
        ...quoted(view.message),
        '',
        m.intro_mail_consent({}, o),
        m.intro_mail_answer_here({}, o),
        link,
        '',
        m.intro_mail_expires({ date: date(view.expiresAt, locale) }, o)
      ]
    };
  }
  const title = m.intro_mail_accepted_subject({ from, to }, o);
  return { title, lines: [title + '.', '', ...contactLines(view, locale), '', m.intro_mail_open_here({}, o), link] };
}

/**
 * Reads an Atom feed for tests and checks what RFC 4287 requires of it: feed id, title and updated (a date-time),
 * and for every entry id, title, updated and a link with an href. Throws naming the missing element, so a test
 * that reads a feed also validates it.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export interface AtomEntryRead {
  id: string;
  title: string;
  updated: string;
  link: string;
}
export interface AtomRead {
  id: string;
  title: string;
  updated: string;
  selfLink: string | undefined;
  entries: AtomEntryRead[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function child(parent: Element, name: string, where: string): Element {
  const found = parent.children.find((c): c is Element => DomUtils.isTag(c) && c.name === name);
  if (!found) throw new Error(`Atom: ${where} has no <${name}>`);
  return found;
}
function text(parent: Element, name: string, where: string): string {
  const value = DomUtils.textContent(child(parent, name, where)).trim();
  if (!value) throw new Error(`Atom: ${where}'s <${name}> is empty`);
  return value;
}
function date(parent: Element, where: string): string {
  const value = text(parent, 'updated', where);
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`Atom: ${where}'s <updated> "${value}"`);
  return value;
}

export function readAtom(xml: string): AtomRead {
  if (!xml.startsWith('<?xml')) throw new Error('Atom: no XML declaration');
  const doc = parseDocument(xml, { xmlMode: true });
  const feed = doc.children.find((c): c is Element => DomUtils.isTag(c));
  if (!feed || feed.name !== 'feed') throw new Error('Atom: the root element is not <feed>');
  if (feed.attribs.xmlns !== 'http://www.w3.org/2005/Atom') throw new Error('Atom: wrong namespace');
  const links = feed.children.filter((c): c is Element => DomUtils.isTag(c) && c.name === 'link');
  const entries = feed.children
    .filter((c): c is Element => DomUtils.isTag(c) && c.name === 'entry')
    .map((entry, i) => {
      const where = `entry ${i}`;
      const link = child(entry, 'link', where).attribs.href;
      if (!link) throw new Error(`Atom: ${where}'s <link> has no href`);
      return { id: text(entry, 'id', where), title: text(entry, 'title', where), updated: date(entry, where), link };
    });
  return {
    id: text(feed, 'id', 'feed'),
    title: text(feed, 'title', 'feed'),
    updated: date(feed, 'feed'),
    selfLink: links.find((l) => l.attribs.rel === 'self')?.attribs.href,
    entries
  };
}

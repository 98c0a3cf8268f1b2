/**
 * An Atom 1.0 document (RFC 4287) from plain values: every text is escaped here, so callers pass raw strings.
 * Required elements are always written — feed id/title/updated, entry id/title/updated/link.
 */
export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  link: string;
  summary?: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own address (rel="self"). */
  self: string;
  /** The HTML page it follows (rel="alternate"). */
  alternate: string;
  entries: AtomEntry[];
}

const escapeXml = (text: string) =>
  // Characters XML 1.0 forbids are dropped: one bad byte in a description would make the whole feed unreadable.
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"']/g, (c) => {
    switch (c) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return '&amp;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });

export function atomXml(feed: AtomFeed): string {
  // An empty feed still needs an `updated`: the epoch says "nothing yet" without inventing a date.
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...(e.summary ? [`    <summary>${escapeXml(e.summary)}</summary>`] : []),
      '  </entry>'
    ].join('\n')
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    '  <author><name>Coalition Atlas</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    ...entries,
    '</feed>',
    ''
  ].join('\n');
}

import { translate, type Language } from '../../../platform/messages.ts';
import type { PostRow } from './post.repository.ts';

/** Text for XML: the five special characters escaped (control characters never pass validation). */
export function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * An Atom 1.0 feed (RFC 4287) of a space's public posts: feed and entries each with id, title and
 * updated, the space as the feed's author, a self link, and each post's text as `type="text"`
 * content (newest first; a pinned post keeps its date).
 */
export function atomFeed(input: { origin: string; space: { id: string; name: string }; language: Language; posts: PostRow[]; updatedFallback: Date }): string {
  const { origin, space, language } = input;
  const posts = [...input.posts].sort((a, b) => b.published_at.getTime() - a.published_at.getTime());
  const updated = posts.reduce<Date | null>((max, p) => (!max || p.updated_at > max ? p.updated_at : max), null) ?? input.updatedFallback;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    `  <id>urn:uuid:${space.id}</id>`,
    `  <title>${xmlEscape(translate(language, 'news.feed_title', { space: space.name }))}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${origin}/api/spaces/${space.id}/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${origin}/spaces/${space.id}/news`)}"/>`,
    `  <author><name>${xmlEscape(space.name)}</name></author>`,
    `  <generator>Samhandling</generator>`,
  ];
  for (const post of posts) {
    lines.push(
      '  <entry>',
      `    <id>urn:uuid:${post.id}</id>`,
      `    <title type="text">${xmlEscape(post.title)}</title>`,
      `    <published>${post.published_at.toISOString()}</published>`,
      `    <updated>${post.updated_at.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(`${origin}/news/${post.id}`)}"/>`,
      `    <content type="text">${xmlEscape(post.body)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

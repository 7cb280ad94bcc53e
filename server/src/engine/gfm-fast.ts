// A unified plugin, used after remark-gfm: drops GFM's literal-autolink mdast transform
// (mdast-util-gfm-autolink-literal's transformGfmAutolinkLiterals). That transform walks every
// text node with regexes and turns "www.example.com" or "a@b.co" written in text into a link
// node whose text is exactly what was written. Blocks keep only plain text, and the plain text
// of such a link is that same text, so the blocks are identical without it (checked over the
// corpus and random edits in test/perf/incremental.test.ts); it cost about a sixth of the
// parse time of large documents (issue 7). Links written as links are untouched.
import type { Processor } from 'unified';

interface FromMarkdownExtension {
  enter?: Record<string, unknown>;
  transforms?: unknown[];
}

type Extensions = (FromMarkdownExtension | Extensions)[];

function strip(extension: FromMarkdownExtension | Extensions): FromMarkdownExtension | Extensions {
  if (Array.isArray(extension)) return extension.map(strip);
  return extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension;
}

export function withoutLiteralAutolinkTransform(this: Processor): void {
  const extensions = this.data('fromMarkdownExtensions') as Extensions | undefined;
  if (extensions) extensions.splice(0, extensions.length, ...extensions.map(strip));
}

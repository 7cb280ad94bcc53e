// micromark, the parser under remark-parse, with the syntax postmortems need: GFM tables, task
// lists, strikethrough and footnotes, and front matter in a document's first chunk. GFM's literal
// autolinks (`www.example.com` written as text) are left out: their text is what was written, so
// the blocks' plain text is the same without them, and looking for them at every letter cost a
// quarter of the parse (issue 7; the rare difference, a `*` or `~` pair inside a bare URL, is
// read as emphasis). Each parser is made once: micromark merges its extensions on every `parse()`
// call, which is setup paid per chunk. What a parse leaves on the parser (defined labels, lazy
// lines, footnote labels) is reset before the next.
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Event, ParseContext } from 'micromark-util-types';

const GFM = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const body = parse({ extensions: GFM });
const withFrontMatter = parse({ extensions: [...GFM, frontmatter(['yaml', 'toml'])] });

/** micromark's events for `text`; `frontMatter` lets a YAML or TOML block open it. */
export function tokenize(text: string, frontMatter: boolean): Event[] {
  const parser = (frontMatter ? withFrontMatter : body) as ParseContext & { gfmFootnotes?: string[] };
  parser.defined = [];
  parser.lazy = {};
  parser.gfmFootnotes = undefined;
  return postprocess(parser.document().write(preprocess()(text, undefined, true)));
}

// Reads the text of HTML blocks line by line. Postmortems written as HTML (or pasted into
// Markdown) keep one element per line in practice, so a line-based reading finds headings,
// list items and paragraphs without a second parser.
import { decodeEntities, squash } from '../text';
import type { Block } from './block';

const HEADING = /<h([1-6])\b[^>]*>/i;
const LIST_ITEM = /<li\b/i;
const LIST_OPEN = /<(ul|ol)\b/gi;
const LIST_CLOSE = /<\/(ul|ol)>/gi;
const ROW = /<tr\b/i;
const TAGS = /<\/?[a-zA-Z][^<>]*>|<!--.*?-->/g;
const SKIP_OPEN = /<(script|style|head|svg)\b[^>]*>/i;

export interface HtmlState {
  /** Inside <script>, <style>, <head> or <svg>: text there is not document text. */
  skip?: string;
  listDepth: number;
  inComment: boolean;
}

export const INITIAL_HTML_STATE: Readonly<HtmlState> = { listDepth: 0, inComment: false };

export function htmlText(line: string): string {
  return squash(decodeEntities(line.replace(/<br\s*\/?>/gi, ' ').replace(TAGS, '')));
}

export function htmlBlocks(lines: string[], firstLine: number, state: HtmlState, quoted: boolean): Block[] {
  const blocks: Block[] = [];
  lines.forEach((raw, i) => {
    let line = raw;
    if (state.inComment) {
      const end = line.indexOf('-->');
      if (end < 0) return;
      state.inComment = false;
      line = line.slice(end + 3);
    }
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && line.indexOf('-->', open) < 0) {
      state.inComment = true;
      line = line.slice(0, open);
    }
    if (state.skip) {
      const close = line.toLowerCase().indexOf(`</${state.skip}>`);
      if (close < 0) return;
      line = line.slice(close + state.skip.length + 3);
      state.skip = undefined;
    }
    const skip = SKIP_OPEN.exec(line);
    if (skip?.[1] && !line.toLowerCase().includes(`</${skip[1].toLowerCase()}>`)) {
      state.skip = skip[1].toLowerCase();
      line = line.slice(0, skip.index);
    }
    const depthBefore = state.listDepth;
    state.listDepth = Math.max(0, state.listDepth + (line.match(LIST_OPEN)?.length ?? 0) - (line.match(LIST_CLOSE)?.length ?? 0));
    const text = htmlText(line);
    if (!text) return;
    const at = firstLine + i;
    const heading = HEADING.exec(line);
    const base = { startLine: at, endLine: at, text, html: true, quoted: quoted || undefined };
    if (heading?.[1]) blocks.push({ ...base, kind: 'heading', depth: Number(heading[1]) });
    else if (LIST_ITEM.test(line)) blocks.push({ ...base, kind: 'listItem', depth: Math.max(0, Math.max(depthBefore, state.listDepth) - 1) });
    else if (ROW.test(line)) blocks.push({ ...base, kind: 'tableRow', depth: 0 });
    else blocks.push({ ...base, kind: 'paragraph', depth: 0 });
  });
  return blocks;
}

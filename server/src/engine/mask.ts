// Masking: replaces markup with spaces so the text keeps its length. Token finders run on the
// masked line and their offsets are valid columns in the original line, markup or not.
import { LINE_MEMO_CAPACITY, StringMemo } from './cache';

const HTML_TAGS = 'a|abbr|address|article|aside|b|bdi|bdo|blockquote|body|br|button|caption|center|cite|code|col|colgroup|data|dd|del|details|dfn|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|ol|option|p|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr';
const TAG = new RegExp(`<\\/?(?:${HTML_TAGS})(?:\\s[^<>]*)?\\/?>|<!--.*?(?:-->|$)|^(?:(?!<!--).)*?-->`, 'gi');
const URL = /<?\bhttps?:\/\/[^\s<>)\]]+>?/g;
const LINK_TAIL = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
// Underscores inside a word ("my__var") are part of it; only a run at a word's edge is emphasis.
const MARKERS = /\*+|`+|~~|(?<![\p{L}\p{N}_])_+|_+(?![\p{L}\p{N}_])|[[\]|]/gu;
/** A code span: its backticks are markup, its text is literal (no emphasis, no tags inside). */
const CODE_SPAN = /(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;
const MAX_CODE_SPAN_LINE = 4096;
const PREFIX = /^(\s*(?:>\s*)*)(#{1,6}\s+|(?:[*+-]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/;

function blank(s: string): string {
  return ' '.repeat(s.length);
}

// Memoised by line text across analyses (issue 7): after an edit only the changed lines are masked again.
const MASKS = new StringMemo(maskUncached, LINE_MEMO_CAPACITY);

export function maskLine(line: string): string {
  return line.length === 0 ? line : MASKS.get(line);
}

function maskUncached(line: string): string {
  // Past a few thousand characters, code spans are not looked for: the lazy search for a closing
  // run is quadratic in the number of backticks (a hostile 1 MB line).
  if (!line.includes('`') || line.length > MAX_CODE_SPAN_LINE) return maskMarkup(line, true);
  // Mask around code spans, keeping their text as written: `DROP TABLE __tmp_x` stays whole.
  let out = '';
  let at = 0;
  for (const m of line.matchAll(CODE_SPAN)) {
    const ticks = blank(m[1] ?? '');
    out += maskMarkup(line.slice(at, m.index), at === 0) + ticks + (m[2] ?? '') + ticks;
    at = m.index + m[0].length;
  }
  return out + maskMarkup(line.slice(at), at === 0);
}

/** `start`: the text begins the line, where a list marker or heading marker may stand. */
function maskMarkup(line: string, start: boolean): string {
  let out = line;
  if (out.includes('<') || out.includes('-->')) out = out.replace(TAG, blank);
  // Links before bare URLs: a link's URL masked first would leave its "( )" behind.
  if (out.includes('](')) out = out.replace(IMAGE, blank).replace(LINK_TAIL, blank);
  if (out.includes('http')) out = out.replace(URL, blank);
  if (start) out = out.replace(PREFIX, blank);
  out = out.replace(MARKERS, blank);
  return out;
}

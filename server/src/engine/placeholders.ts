// Template placeholders people leave in postmortems. Shared by placeholder-text and
// empty-section (a section holding only placeholders is empty).
import { LINE_MEMO_CAPACITY, StringMemo } from './cache';

const PATTERNS: RegExp[] = [
  /\b(?:TBD|TBA|TBC|TODO|FIXME)\b/g,
  /\b[Hh]{2}:[Mm]{2}(?::[Ss]{2})?\b/g,
  /\b[Xx]{2}:[Xx]{2}\b/g,
  /\b(?:YYYY|yyyy)[-/.](?:MM|mm)[-/.](?:DD|dd)\b|\b(?:DD|dd)[-/.](?:MM|mm)[-/.](?:YYYY|yyyy)\b|\b(?:MM|mm)[-/.](?:DD|dd)[-/.](?:YYYY|yyyy)\b/g,
  /\[(?:insert|add|describe|enter|your|name of|link to|fill in|placeholder|tbd|todo)\b[^\]\n]{0,80}\](?!\()/gi,
  /<(?:insert|your|describe|add|enter)\b[^<>\n]{0,80}>/gi,
  // Not `${{ … }}`: GitHub Actions expressions are code, not template slots.
  /(?<!\$)\{\{[^{}\n]{1,60}\}\}/g,
  /\blorem ipsum\b/gi,
  /(?<![\w?])\?{2,}(?![\w?])/g,
  // A field whose whole value is a lone "?": "Time to detection: ?".
  /(?<=^\s*(?:[-*+]\s+)?[^\s:?][^:?]{0,59}:[ \t]*)\?(?=[ \t]*$)/g,
];

/** Template slots inside links and image paths: `insert_diagram.png`, `github.com/your-username/…`. */
const IN_URL: RegExp[] = [
  /(?<=[(/])insert_[\w-]+(?:\.\w+)?/g,
  /(?<=\/)your-(?:user-?name|user|org(?:anization)?|repo(?:sitory)?|account|domain|project)\b/g,
];

/** A whole line of template instruction, e.g. `_Your name goes here._`. */
const INSTRUCTION = /^\s*(?:[-*+]\s+)?[_*](?:your|describe|list|link|put|add|enter|explain|summari[sz]e|schedule|include|insert|write|provide|document)\b[^\n]{0,300}[_*]\s*$/i;

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
}

/** Spans of inline code (`…`): literal text such as commands, never a placeholder. */
function codeSpans(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  const spans: [number, number][] = [];
  const re = /(`+)[^`]+?\1(?!`)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The placeholders of a line (memoised by line text, issue 7: frozen, shared results). */
export function findPlaceholders(line: string): readonly PlaceholderMatch[] {
  return PLACEHOLDERS.get(line);
}

const NONE: readonly PlaceholderMatch[] = Object.freeze([]);
// Most lines have none: they share one empty array.
const PLACEHOLDERS = new StringMemo((line: string) => {
  const found = findUncached(line);
  return found.length > 0 ? found : NONE;
}, LINE_MEMO_CAPACITY);

function findUncached(line: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  const code = codeSpans(line);
  if (INSTRUCTION.test(line)) {
    const start = line.search(/\S/);
    return [{ start, end: line.trimEnd().length, text: line.trim() }];
  }
  for (const re of [...PATTERNS, ...IN_URL]) {
    re.lastIndex = 0;
    const inUrlToo = IN_URL.includes(re);
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if ((!inUrlToo && insideUrl(line, m.index)) || code.some(([from, to]) => m !== null && m.index >= from && m.index < to)) continue;
      if (!out.some((o) => m && m.index < o.end && m.index + m[0].length > o.start)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function insideUrl(line: string, index: number): boolean {
  const before = line.slice(0, index);
  const urlStart = Math.max(before.lastIndexOf('http://'), before.lastIndexOf('https://'), before.lastIndexOf(']('));
  return urlStart >= 0 && !/\s/.test(line.slice(urlStart, index));
}

/** True when a line has content but nothing except placeholders, punctuation and filler. */
export function isPlaceholderOnly(line: string): boolean {
  const found = findPlaceholders(line);
  if (found.length === 0) return false;
  let rest = line;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.start) + rest.slice(f.end);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/^\s*[-*+]\s+/, ''));
}

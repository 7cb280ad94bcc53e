// The one hard limit of the engine (docs/reliability.md). Everything else is bounded by the
// parse guards (guard.ts, chunks.ts) and stays linear, but the Markdown parser still needs
// about 500 bytes of memory per character of the largest chunk and runs at 1–2 MB/s: a 20 MB
// file would take a minute and gigabytes, and a language server that dies of it takes every
// open document with it. A postmortem is a few dozen kilobytes (the largest of the public
// corpus is 24 KB), so a document over MAX_DOCUMENT_BYTES is not analysed: it gets one notice
// (when it is a postmortem at all, judged from its first HEAD_CHARS characters) and no rule runs.
import type { Problem } from '../types';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** How much of an oversize document is parsed to tell whether it is a postmortem. */
export const HEAD_CHARS = 64 * 1024;
/** The id the notice is reported under: not a rule (it cannot be configured or disabled). */
export const DOCUMENT_TOO_LARGE = 'document-too-large';

export interface Oversize {
  /** Size of the document in UTF-8 bytes. */
  bytes: number;
  limit: number;
}

/** UTF-8 length of a string, without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a document is over the limit, and by how much. */
export function oversize(text: string, limit = MAX_DOCUMENT_BYTES): Oversize | undefined {
  // Each UTF-16 unit is 1 to 3 bytes: short documents need no counting.
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? { bytes, limit } : undefined;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

export function tooLargeMessage(o: Oversize): string {
  return `File too large to analyse (${mb(o.bytes)} > limit ${mb(o.limit)}): postmortem checks are off for it.`;
}

/** The notice, on the start of the first line (never splitting a surrogate pair). */
export function tooLargeProblem(o: Oversize, firstLine: string): Problem {
  let end = Math.min(firstLine.length, 80);
  if (end > 0 && end < firstLine.length && (firstLine.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return {
    ruleId: DOCUMENT_TOO_LARGE,
    severity: 'warning',
    message: tooLargeMessage(o),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } },
    data: { bytes: o.bytes, limit: o.limit },
  };
}

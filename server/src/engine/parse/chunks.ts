// Splits a document into chunks that parse independently: an edit then re-parses only the
// chunk it touched (issue: remark runs at 1–2 MB/s). A split is made only before an ATX
// heading that follows a blank line outside fenced code, HTML comments and raw HTML blocks,
// where CommonMark guarantees no open container can continue. Link reference definitions are
// document-wide, so a document that has any is parsed whole.

export interface Chunk {
  startLine: number;
  lines: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Unindented only: an indented heading may belong to a list item's continuation.
const ATX = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;

export function splitChunks(lines: string[]): Chunk[] {
  if (lines.some((l) => DEFINITION.test(l))) return [{ startLine: 0, lines }];
  const chunks: Chunk[] = [];
  let start = 0;
  let fence: string | undefined;
  let rawTag: string | undefined;
  let inComment = false;
  let prevBlank = true;
  for (let i = frontMatterEnd(lines); i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence) {
      const m = FENCE.exec(line);
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      prevBlank = false;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      prevBlank = false;
      continue;
    }
    if (rawTag) {
      if (line.toLowerCase().includes(`</${rawTag}>`)) rawTag = undefined;
      prevBlank = false;
      continue;
    }
    if (prevBlank && i > start && ATX.test(line)) {
      chunks.push({ startLine: start, lines: lines.slice(start, i) });
      start = i;
    }
    const f = FENCE.exec(line);
    if (f?.[1]) fence = f[1];
    else if (line.includes('<!--') && !line.slice(line.indexOf('<!--')).includes('-->')) inComment = true;
    else {
      const raw = RAW_OPEN.exec(line);
      if (raw?.[1] && !line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) rawTag = raw[1].toLowerCase();
    }
    prevBlank = line.trim() === '';
  }
  chunks.push({ startLine: start, lines: lines.slice(start) });
  return chunks;
}

// Fences exactly as micromark-extension-frontmatter reads them: the marker, then only spaces or
// tabs (trimEnd() would also accept U+00A0 and friends); micromark drops a leading BOM first.
const OPEN_FENCE = /^\uFEFF?(---|\+\+\+)[ \t]*$/;

/** Index of the first line after YAML/TOML front matter (0 when there is none or it is never closed). */
export function frontMatterEnd(lines: string[]): number {
  const open = OPEN_FENCE.exec(lines[0] ?? '')?.[1];
  if (!open) return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith(open) && /^[ \t]*$/.test(line.slice(3))) return i + 1;
  }
  return 0;
}

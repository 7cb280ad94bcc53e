// The bad inputs of docs/reliability.md, generated (deterministically) so the tests and the
// measurement script (test/reliability/measure.ts) use the same ones.

/** A small real-looking postmortem: sections, a timeline, an action-item table. */
export const SKELETON = `# Postmortem: checkout API outage

## Summary

From 10:02 to 10:47 UTC on 2024-03-11 the checkout API returned errors for most requests.

## Timeline (all times UTC)

- 10:02 Deploy of build 4512 to checkout-api started
- 10:05 Alert fired for elevated 5xx rate; on-call acknowledged
- 10:31 Rolled back checkout-api to the previous release
- 10:47 Error rate back to baseline, incident resolved

## Root Cause

A connection pool limit was lowered in build 4512.

## Resolution

The release was rolled back.

## Action Items

| Action | Owner | Due |
|---|---|---|
| Add a canary stage for checkout-api | @dana | 2024-04-01 |
`;

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (i: number) => `${pad(Math.floor(i / 60) % 24)}:${pad(i % 60)}`;

/** A fixed pseudo-random byte stream (mulberry32). */
export function bytes(length: number, seed = 1, filter?: (b: number) => boolean): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; ) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const b = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    if (!filter || filter(b)) out[i++] = b;
  }
  return out;
}

/** Invalid UTF-8 of every kind, between valid lines of a postmortem. */
export function invalidUtf8(): Uint8Array {
  const bad = [
    [0xc3], // truncated 2-byte sequence
    [0x80, 0xbf], // lone continuation bytes
    [0xc0, 0xaf], // overlong '/'
    [0xe0, 0x80, 0xaf], // overlong, 3 bytes
    [0xed, 0xa0, 0x80], // UTF-16 surrogate encoded in UTF-8 (CESU)
    [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
    [0xfe, 0xff], // never valid
    [0xf0, 0x9f, 0x98], // truncated emoji
  ];
  const text = new TextEncoder().encode(SKELETON);
  const parts: number[] = [];
  let k = 0;
  for (const byte of text) {
    parts.push(byte);
    // Before some placeholders and inside lines, so columns after them matter.
    if (byte === 0x20 && k++ % 7 === 0) parts.push(...(bad[k % bad.length] as number[]));
  }
  parts.push(...new TextEncoder().encode('\n## Lessons Learned\n\nTBD\n'));
  return Uint8Array.from(parts);
}

export interface BadInput {
  name: string;
  /** What it is, for the table. */
  description: string;
  make(): string | Uint8Array;
}

const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const BAD_INPUTS: BadInput[] = [
  { name: 'binary-1mb', description: 'binary file, 1 MB of random bytes (NUL included)', make: () => bytes(1 << 20, 7) },
  { name: 'invalid-utf8', description: 'invalid UTF-8 (truncated, overlong, CESU surrogates, > U+10FFFF) inside a postmortem', make: invalidUtf8 },
  { name: 'large-20mb', description: '20 MB file (a real-looking postmortem repeated)', make: () => repeatTo(`${SKELETON}\n`, 20 * 1024 * 1024) },
  { name: 'large-1.9mb', description: 'a file just under the size limit (1,900,000 bytes of a real-looking postmortem repeated)', make: () => repeatTo(`${SKELETON}\n`, 1_900_000) },
  {
    name: 'timeline-100k-list', description: '100,000 timeline rows (list items)',
    make: () => `# Postmortem\n\n## Summary\n\nAn outage.\n\n## Timeline (all times UTC)\n\n${Array.from({ length: 100_000 }, (_, i) => `- ${clock(i)} Event number ${i}`).join('\n')}\n\n## Root Cause\n\nX.\n`,
  },
  {
    name: 'timeline-50k-list', description: '50,000 timeline rows (list items)',
    make: () => `# Postmortem\n\n## Summary\n\nAn outage.\n\n## Timeline (all times UTC)\n\n${Array.from({ length: 50_000 }, (_, i) => `- ${clock(i)} Event ${i}`).join('\n')}\n\n## Root Cause\n\nX.\n`,
  },
  {
    name: 'timeline-20k-table', description: '20,000 timeline rows (table)',
    make: () => `# Postmortem\n\n## Summary\n\nAn outage.\n\n## Timeline (all times UTC)\n\n| Time | Event |\n|---|---|\n${Array.from({ length: 20_000 }, (_, i) => `| ${clock(i)} | Event number ${i} |`).join('\n')}\n\n## Root Cause\n\nX.\n`,
  },
  { name: 'line-1mb-prose', description: 'a single 1 MB line of prose', make: () => `# Postmortem\n\n## Summary\n\n${repeatTo('the service was slow and users saw errors ', 1 << 20)}\n\n## Timeline\n\n- 10:00 UTC start\n` },
  { name: 'line-1mb-times', description: 'a single 1 MB line of times ("10:00 10:01 …")', make: () => `# Postmortem\n\n## Summary\n\nAn outage.\n\n## Timeline\n\n- ${repeatTo('10:00 UTC x ', 1 << 20)}\n` },
  { name: 'line-1mb-placeholders', description: 'a single 1 MB line of placeholders ("?? TBD HH:mm")', make: () => `# Postmortem\n\n## Summary\n\n${repeatTo('?? TBD HH:mm ', 1 << 20)}\n\n## Timeline\n\n- 10:00 UTC start\n` },
  { name: 'blockquote-10k', description: 'a blockquote nested 10,000 deep (`>>>>…`)', make: () => `# Postmortem\n\n## Summary\n\n${'>'.repeat(10_000)} deep\n\n## Timeline\n\n- 10:00 UTC start\n` },
  { name: 'list-10k', description: 'a list nested 10,000 deep on one line (`- - - …`)', make: () => `# Postmortem\n\n## Summary\n\n${'- '.repeat(10_000)}deep\n\n## Timeline\n\n- 10:00 UTC start\n` },
  {
    name: 'list-indent-1k', description: 'a list nested 1,000 deep by indentation',
    make: () => `# Postmortem\n\n## Timeline\n\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- ${clock(i)} level ${i}`).join('\n')}\n`,
  },
  { name: 'mixed-nesting-10k', description: 'blockquotes and lists alternating 10,000 deep (`> - > - …`)', make: () => `# Postmortem\n\n## Summary\n\n${'> - '.repeat(5_000)}deep\n` },
  { name: 'emphasis-10k', description: 'emphasis nested 10,000 deep (`*a *a … b* b*`)', make: () => `# Postmortem\n\n## Summary\n\n${'*a '.repeat(10_000)}x${' b*'.repeat(10_000)}\n` },
  { name: 'links-10k', description: 'link brackets nested 10,000 deep (`[[[…x](u)](u)…`)', make: () => `# Postmortem\n\n## Summary\n\n${'['.repeat(10_000)}x${'](u)'.repeat(10_000)}\n` },
  { name: 'images-5k', description: 'image brackets nested 5,000 deep (`![![…`)', make: () => `# Postmortem\n\n## Summary\n\n${'!['.repeat(5_000)}x${'](u)'.repeat(5_000)}\n` },
  {
    name: 'emphasis-paragraphs-1mb', description: '1 MB of paragraphs with 400 emphasis delimiters each',
    make: () => `# Postmortem\n\n${repeatTo(`${'*a '.repeat(200)}x${' b*'.repeat(200)}\n\n`, 1 << 20)}`,
  },
  {
    name: 'table-1000-columns', description: 'a table of 1,000 columns × 1,000 rows',
    make: () => {
      const row = (f: (c: number) => string) => `|${Array.from({ length: 1000 }, (_, c) => f(c)).join('|')}|`;
      return `# Postmortem\n\n## Action Items\n\n${row((c) => (c === 1 ? 'Owner' : `h${c}`))}\n${row(() => '-')}\n${Array.from({ length: 1000 }, (_, r) => row((c) => (c === 1 ? '' : `${r}`))).join('\n')}\n`;
    },
  },
  {
    name: 'table-1000-columns-300-rows', description: 'a table of 1,000 columns × 300 rows (under the size limit)',
    make: () => {
      const row = (f: (c: number) => string) => `|${Array.from({ length: 1000 }, (_, c) => f(c)).join('|')}|`;
      return `# Postmortem\n\n## Action Items\n\n${row((c) => (c === 1 ? 'Owner' : `h${c}`))}\n${row(() => '-')}\n${Array.from({ length: 300 }, (_, r) => row((c) => (c === 1 ? '' : `${r}`))).join('\n')}\n`;
    },
  },
  { name: 'table-50k-rows', description: 'a table of 50,000 rows (action items without owner)', make: () => `# Postmortem\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n${Array.from({ length: 50_000 }, (_, i) => `| Fix ${i} | |`).join('\n')}\n` },
  { name: 'line-1mb-pipes', description: 'a single 1 MB table row (260,000 cells)', make: () => `# Postmortem\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n${repeatTo('| a ', 1 << 20)}|\n` },
  { name: 'table-100k-rows', description: 'a table of 100,000 rows (action items without owner)', make: () => `# Postmortem\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n${Array.from({ length: 100_000 }, (_, i) => `| Fix thing ${i} | |`).join('\n')}\n` },
  { name: 'headings-50k', description: '50,000 sections (headings)', make: () => Array.from({ length: 50_000 }, (_, i) => `## ${i % 2 ? 'Timeline' : 'Summary'} ${i}\n`).join('\n') },
  { name: 'directives-20k', description: '20,000 disable/enable comments around placeholders', make: () => `# Postmortem\n\n## Summary\n\n${Array.from({ length: 20_000 }, (_, i) => `<!-- postmortem-disable placeholder-text -->\nTBD ${i}\n<!-- postmortem-enable -->`).join('\n')}\n` },
  { name: 'html-comment-open', description: 'an HTML comment opened and never closed, then 1 MB of text', make: () => `# Postmortem\n\n<!--\n${repeatTo('## Timeline\n- 10:00 x\n', 1 << 20)}` },
  { name: 'fence-open', description: 'a code fence opened and never closed, then 1 MB of text', make: () => `# Postmortem\n\n## Summary\n\n\`\`\`\n${repeatTo('## Timeline\n- 10:00 x\n', 1 << 20)}` },
  { name: 'crlf-cr-nul', description: '1 MB of CR, CRLF, NUL, BOM and lone surrogates', make: () => `\uFEFF# Postmortem\r\n${repeatTo('a\r\rb\r\n\u0000\uD800 ## Timeline\r\u2028- 10:00\r\n', 1 << 20)}` },
];

export function badInput(name: string): BadInput {
  const found = BAD_INPUTS.find((b) => b.name === name);
  if (!found) throw new Error(`unknown bad input ${name}`);
  return found;
}

/** The text the engine sees for an input (bytes decoded as the CLI does). */
export function asText(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
}

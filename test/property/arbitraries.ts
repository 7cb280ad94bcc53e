// Generators for the property tests: hostile text (full Unicode, lone surrogates, NUL, CR/CRLF,
// BOM, tabs, emoji, CJK, combining marks), Markdown-ish postmortems built from real section
// titles and timeline lines, and mutations of the real postmortems in ../shared/corpus/docs
// (used when present; the corpus-based properties skip cleanly when it is absent).
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LanguageId } from '../../server/src/engine';

/** Fixed seed for `npm test`; the nightly script passes its own (printed, so a failure replays). */
export const SEED = Number(process.env.FC_SEED ?? 0x5eed2024);

/** Number of cases: FC_RUNS overrides every property's default (the nightly script sets it). */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.FC_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : defaultRuns;
}

export function params<T>(defaultRuns: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: runs(defaultRuns) };
}

// ---------------------------------------------------------------------------------------------
// Hostile text

const SPECIAL = [
  '\r\n', '\r', '\n', '\n\n', '\t', '\u0000', '\uFEFF', '\u00A0', '\u200B', '\u200D', '\u202E', '\u2028', '\u2029',
  '😀', '👨‍👩‍👧', '🇺🇸', '𝄞', '事故', '時間', '복구', 'é', 'e\u0301', 'n\u0303\u0323', 'ﬁ', 'İ', 'ß',
  '\uD83D', '\uDE00', '\uDFFF\uD800', // lone and reversed surrogates
];

const MARKUP = [
  '# ', '## ', '### ', '#', '- ', '* ', '+ ', '1. ', '> ', '>', '    ', '|', '| --- |', '```', '~~~', '**', '*', '_', '__', '~~',
  '`', '[', ']', '](', '](http://x)', '![', '<!--', '-->', '<h2>', '</h2>', '<li>', '<ul>', '</ul>', '<br>', '<script>', '</script>',
  '&amp;', '&#x1F600;', '&#0;', '---\n', '===\n', '[x]: http://x\n', '- [ ] ', '<!-- postmortem-disable -->', '<!-- postmortem-enable -->',
  '<!-- postmortem-disable-next-line placeholder-text -->', '\\', '[^1]', '<http://a.b>', 'www.example.com', 'a@b.co',
];

const TIMEY = [
  '10:30', '13:55 PM', '25:10', '0800 HRS', '08:00:00', '2024-03-11T08:47:00Z', '[08:47]', '12:19 AM', '2:30 PM – 9:00 PM', 'T+15m',
  '[+7.5 hrs]', ' UTC', ' PST', ' PDT', ' PCT', ' WAT', ' CET', ' GMT+2', ' (all times Eastern Time)', 'March 3, 2024', 'Feb 30', '22025',
  'Monday', 'Tuesday, March 12, 2024', 'late in the day', 'lasted 3 hours', 'Time to recovery: 54h10m', 'from 10:30 to 12:50 WAT',
  'outage began', 'detected', 'mitigated', 'resolved', 'TBD', 'HH:mm', '??', 'XX:XX', 'YYYY-MM-DD', '[Insert date]', '{{owner}}',
  'owner: @ana', '(Bob)', 'Action', 'Owner',
];

export const SECTION_TITLES = [
  'Summary', 'Issue Summary', 'Executive Summary', 'Overview', 'Impact', 'Timeline', 'Timeline (all times UTC)', 'Root Cause',
  'Root Causes', 'Contributing Factors', 'Trigger', 'Detection', 'Resolution', 'Resolution and Recovery', 'Action Items',
  'Corrective and Preventive Measures', 'Follow-ups', 'Remediation', 'Lessons Learned', 'What went well', 'Postmortem',
];

/** One code unit anywhere in 0..FFFF, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** One code point anywhere in Unicode (astral planes included). */
const codePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

export const atom: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
  { weight: 2, arbitrary: codeUnit },
  { weight: 2, arbitrary: codePoint },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 4, arbitrary: fc.constantFrom(...TIMEY) },
  { weight: 2, arbitrary: fc.constantFrom(...SECTION_TITLES) },
);

/** Arbitrary text: anything at all, weighted towards what the parsers care about. */
export const hostileText: fc.Arbitrary<string> = fc.array(atom, { maxLength: 80 }).map((a) => a.join(''));

/** A line of a postmortem body: prose, a timeline entry, a table row, a list item… */
const bodyLine: fc.Arbitrary<string> = fc.oneof(
  fc.array(atom, { maxLength: 8 }).map((a) => a.join('')),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '| ', ''), fc.constantFrom(...TIMEY), fc.constantFrom(' ', ' - ', ': ', ' | '), fc.array(atom, { maxLength: 5 }))
    .map(([m, t, sep, rest]) => m + t + sep + rest.join('')),
  fc.constantFrom('', '', '| Time | Event |', '|---|---|', '| Action | Owner |', '```', '---'),
);

const heading: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('# ', '## ', '### ', '**', '', '<h2>'),
  fc.constantFrom(...SECTION_TITLES),
  fc.array(atom, { maxLength: 2 }),
).map(([m, t, extra]) => (m === '**' ? `**${t}**` : m === '<h2>' ? `<h2>${t}</h2>` : m + t) + extra.join(''));

/** A document shaped like a postmortem (so the rules and the timeline engage), with hostile bits. */
export const postmortemLike: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('', '---\ntype: postmortem\ntitle: Outage\n---\n', '# Incident postmortem\n', '\uFEFF# Post-mortem\n'),
  fc.array(fc.tuple(heading, fc.array(bodyLine, { maxLength: 6 })), { minLength: 1, maxLength: 8 }),
  fc.constantFrom('\n', '\r\n', '\r'),
).map(([head, sections, eol]) => (head + sections.map(([h, body]) => [h, '', ...body, ''].join('\n')).join('\n')).replace(/\n/g, eol));

export const languageId: fc.Arbitrary<LanguageId> = fc.constantFrom('markdown', 'markdown', 'plaintext', 'html');

// ---------------------------------------------------------------------------------------------
// The real postmortems, and mutations of them

export const CORPUS_DIR = join(resolve(import.meta.dirname, '../..'), '../shared/corpus/docs');
export const corpusPresent = existsSync(CORPUS_DIR);

export interface CorpusDoc {
  name: string;
  text: string;
  languageId: LanguageId;
}

export function loadCorpus(): CorpusDoc[] {
  if (!corpusPresent) return [];
  return readdirSync(CORPUS_DIR).filter((f) => /\.(md|txt|html)$/.test(f) && f !== 'README.md').sort().map((name) => ({
    name,
    text: readFileSync(join(CORPUS_DIR, name), 'utf8'),
    languageId: name.endsWith('.html') ? 'html' : name.endsWith('.txt') ? 'plaintext' : 'markdown',
  }));
}

/** A mutation, with positions as fractions so it applies to any document. */
export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number; to: number }
  | { kind: 'swap-lines'; at: number; to: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-span'; at: number; length: number }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'bom' }
  | { kind: 'emoji'; at: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fraction.map((at) => ({ kind: 'delete-line' as const, at })) },
  { weight: 3, arbitrary: fc.tuple(fraction, fraction).map(([at, to]) => ({ kind: 'duplicate-line' as const, at, to })) },
  { weight: 3, arbitrary: fc.tuple(fraction, fraction).map(([at, to]) => ({ kind: 'swap-lines' as const, at, to })) },
  { weight: 5, arbitrary: fc.tuple(fraction, atom).map(([at, text]) => ({ kind: 'insert' as const, at, text })) },
  { weight: 2, arbitrary: fc.tuple(fraction, fc.integer({ min: 1, max: 60 })).map(([at, length]) => ({ kind: 'delete-span' as const, at, length })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cr' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 2, arbitrary: fraction.map((at) => ({ kind: 'emoji' as const, at })) },
);

const EMOJI = ['😀', '🔥', '👩🏽‍💻', '🇯🇵'];

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (f: number) => Math.floor(f * lines.length);
  const offset = (f: number) => Math.floor(f * (text.length + 1));
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(m.to), 0, lines[line(m.at)] ?? '');
      return lines.join('\n');
    case 'swap-lines': {
      const a = line(m.at);
      const b = line(m.to);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'insert':
      return text.slice(0, offset(m.at)) + m.text + text.slice(offset(m.at));
    case 'delete-span':
      return text.slice(0, offset(m.at)) + text.slice(offset(m.at) + m.length);
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
    case 'emoji':
      return text.slice(0, offset(m.at)) + (EMOJI[offset(m.at) % EMOJI.length] as string) + text.slice(offset(m.at));
  }
}

export function corpusCase(corpus: CorpusDoc[]): fc.Arbitrary<{ doc: CorpusDoc; mutations: Mutation[]; text: string }> {
  return fc.tuple(fc.integer({ min: 0, max: Math.max(0, corpus.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([i, mutations]) => {
      const doc = corpus[i] as CorpusDoc;
      const value = { doc, mutations, text: mutations.reduce(mutate, doc.text) };
      // Counterexamples print as the document's name and the mutations, not the whole text.
      return Object.assign(value, { [fc.toStringMethod]: () => `${doc.name} mutated by ${JSON.stringify(mutations)}` });
    });
}

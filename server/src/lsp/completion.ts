// Completion: the active profile's section headings after `#` at the start of a line (missing
// ones first, required before recommended), milestone phrases after the time of a timeline entry, and zone abbreviations after
// a time (the document's zone first, the abbreviation in force on the entry's date). The line is
// checked before the analysis is asked for, so a space typed in prose costs no analysis.
import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
  type CompletionItem, type CompletionList, type Position,
} from 'vscode-languageserver';
import type { Analysis } from '../engine';
import { CANONICAL_SECTIONS } from '../engine/profiles';
import { ambiguityOf } from '../engine/timeline/context';
import { expectedAbbreviation, findZones, zoneOffsetMinutes, type ZoneToken } from '../engine/timeline';
import type { CalendarDate, MilestoneKind, Timeline } from '../engine/timeline/model';
import { entryHead, scanLine } from '../engine/timeline/scan';
import { kindWords, milestoneOf } from './timeline-facts';

export const COMPLETION_TRIGGERS = ['#', ' ', ':'];

/** What the text before the cursor asks for; found without the analysis. */
export type LineContext =
  | { kind: 'heading'; hashes: string; space: string }
  | { kind: 'entry'; word: string; zone: boolean; phrase: boolean; date?: CalendarDate };

const HEADING = /^(#{1,6})([ \t]*)[^#]*$/;
/** After the time: separators or closing markup, then the word being typed. */
const AFTER_TIME = /^([\s*_)\]:|\-–—]*)([A-Za-z]*)$/;

export function lineContext(prefix: string): LineContext | undefined {
  const heading = HEADING.exec(prefix);
  if (heading) return { kind: 'heading', hashes: heading[1] ?? '#', space: heading[2] ?? '' };
  if (!/\d/.test(prefix)) return undefined;
  const head = entryHead(prefix, scanLine(prefix));
  if (!head?.time || head.time.invalid) return undefined;
  const after = AFTER_TIME.exec(prefix.slice(head.end));
  const separators = after?.[1] ?? '';
  if (!after || separators === '') return undefined;
  const onlySpaces = /^[ \t]+$/.test(separators);
  const context: LineContext = { kind: 'entry', word: after[2] ?? '', zone: onlySpaces && !head.time.zone, phrase: true };
  const d = head.date;
  if (d?.year && d.month && d.day && !d.invalid && !d.placeholder) context.date = { year: d.year, month: d.month, day: d.day };
  return context;
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, '\\$&');

function headingLevel(analysis: Analysis, hashes: string): number {
  if (hashes.length > 1) return hashes.length;
  const counts = new Map<number, number>();
  for (const s of analysis.outline.sections) if (s.kind === 'heading' && !s.parent) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return common !== undefined && common > 1 ? common : 2;
}

function headingItems(analysis: Analysis, position: Position, context: Extract<LineContext, { kind: 'heading' }>): CompletionItem[] {
  const present = new Map<string, number>();
  for (const s of analysis.outline.sections) {
    if (s.line === position.line) continue;
    for (const id of s.covers ?? (s.id ? [s.id] : [])) if (!present.has(id)) present.set(id, s.line);
  }
  const level = '#'.repeat(headingLevel(analysis, context.hashes));
  const profile = analysis.profile;
  return profile.sections.map((section, index): CompletionItem => {
    const line = present.get(section.id);
    const scaffold = CANONICAL_SECTIONS.find((c) => c.id === section.id)?.scaffold;
    const need = section.required ? 'required' : 'recommended';
    return {
      label: section.title,
      kind: CompletionItemKind.Keyword,
      detail: `${need} by the ${profile.name} profile · ${line === undefined ? 'missing' : `already at line ${line + 1}`}`,
      documentation: { kind: MarkupKind.Markdown, value: `\`${level} ${section.title}\`${scaffold ? `\n\n${scaffold}` : ''}` },
      sortText: `${line !== undefined ? 2 : section.required ? 0 : 1}${String(index).padStart(2, '0')}`,
      filterText: `${context.hashes}${context.space}${section.title}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range: { start: { line: position.line, character: 0 }, end: position },
        newText: `${level} ${escapeSnippet(section.title)}\n\n$0`,
      },
    };
  });
}

const PHRASES: { label: string; kind: MilestoneKind; snippet: string; filter?: string }[] = [
  { label: 'Outage begins', kind: 'start', snippet: 'Outage begins' },
  { label: 'Alert fired', kind: 'detect', snippet: 'Alert fired' },
  { label: 'Incident declared', kind: 'escalate', snippet: 'Incident declared' },
  { label: 'Mitigated: …', kind: 'mitigate', snippet: 'Mitigated: ${1:what stopped the impact}', filter: 'Mitigated' },
  { label: 'Resolved', kind: 'resolve', snippet: 'Resolved' },
];

function phraseItems(timeline: Timeline | undefined, range: { start: Position; end: Position }, group: number): CompletionItem[] {
  return PHRASES.map((p, index): CompletionItem => {
    const existing = timeline ? milestoneOf(timeline.milestones, p.kind) : undefined;
    const has = existing !== undefined && !(p.kind === 'start' && timeline?.milestones.startInferred);
    return {
      label: p.label,
      kind: CompletionItemKind.Event,
      detail: `marks the ${kindWords(p.kind)}${has ? ` · the timeline has one at line ${existing.line + 1}` : ''}`,
      sortText: `${group}${has ? 1 : 0}${index}`,
      filterText: p.filter ?? p.label,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: p.snippet },
    };
  });
}

/** Zones offered after a time, besides the document's own; each shown as in force on the entry's date. */
const ZONES = ['UTC', 'PST', 'MST', 'CST', 'EST', 'AKST', 'HST', 'GMT', 'CET', 'EET', 'WAT', 'CAT', 'EAT', 'SAST', 'MSK', 'IST', 'SGT', 'HKT', 'JST', 'KST', 'AEST', 'NZST'];

const zoneToken = (abbr: string): ZoneToken | undefined => findZones(`08:00 ${abbr}`)[0];

/** Abbreviations of a zone: the one in force on `day`, or both seasons' when no date is known. */
function abbreviations(zone: ZoneToken, day: CalendarDate | undefined, ambiguity: Record<string, string>): string[] {
  if (zone.kind === 'offset') return [zone.raw.replace(/^\(|\)$/g, '').trim()];
  const on = (d: CalendarDate) => expectedAbbreviation(zone, d.year, d.month, d.day, ambiguity);
  const list = day ? [on(day)] : [on({ year: 2021, month: 1, day: 15 }), on({ year: 2021, month: 7, day: 15 })];
  return [...new Set(list.filter((a): a is string => a !== undefined))];
}

function offsetText(abbr: string, day: CalendarDate | undefined, ambiguity: Record<string, string>): string | undefined {
  const token = zoneToken(abbr);
  if (!token) return undefined;
  const at = day ? Date.UTC(day.year, day.month - 1, day.day, 12) : Date.UTC(2021, 0, 15, 12);
  const offset = zoneOffsetMinutes(token, at, ambiguity);
  if (offset === undefined) return undefined;
  const m = Math.abs(offset);
  return `UTC${offset < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The date of the entry being written: written on it, else the nearest entry above, else the reference date. */
function entryDay(timeline: Timeline | undefined, line: number, written: CalendarDate | undefined): CalendarDate | undefined {
  if (written) return written;
  if (!timeline) return undefined;
  const above = timeline.entries.filter((e) => e.day && e.line <= line).at(-1);
  return above?.day ?? timeline.entries.find((e) => e.day)?.day ?? timeline.referenceDate?.date;
}

const isoDay = (d: CalendarDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function zoneItems(timeline: Timeline | undefined, range: { start: Position; end: Position }, day: CalendarDate | undefined, ambiguity: Record<string, string>, group: number): CompletionItem[] {
  const own = timeline?.zone;
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const add = (abbr: string, sort: string, documentation?: string) => {
    if (seen.has(abbr)) return;
    seen.add(abbr);
    const offset = offsetText(abbr, day, ambiguity);
    items.push({
      label: abbr,
      kind: CompletionItemKind.Unit,
      detail: [offset, day ? `on ${isoDay(day)}` : 'date unknown'].filter(Boolean).join(' '),
      ...(documentation ? { documentation: { kind: MarkupKind.Markdown, value: documentation } } : {}),
      sortText: `${group}${sort}`,
      textEdit: { range, newText: abbr },
    });
  };
  if (own) {
    for (const abbr of abbreviations(own.zone, day, ambiguity)) {
      add(abbr, '0', `The timeline's zone: ${own.zone.raw} (line ${own.line + 1})${day ? `, ${abbr} on ${isoDay(day)}` : ''}.`);
    }
  }
  ZONES.forEach((name, index) => {
    const token = zoneToken(name);
    if (token) for (const abbr of abbreviations(token, day, ambiguity)) add(abbr, `1${String(index).padStart(2, '0')}`);
  });
  return items;
}

function inTimeline(analysis: Analysis, line: number): boolean {
  const timeline = analysis.timeline;
  if (timeline?.entries.some((e) => line >= e.line && line <= e.endLine)) return true;
  return analysis.outline.sections.some((s) => s.id === 'timeline' && line > s.titleEndLine && line <= s.endLine);
}

export function completions(analysis: Analysis, position: Position, context: LineContext, ambiguousZones?: Record<string, string>): CompletionList {
  const none: CompletionList = { isIncomplete: false, items: [] };
  if (!analysis.isPostmortem) return none;
  if (context.kind === 'heading') {
    if (analysis.doc.languageId !== 'markdown') return none;
    const inCode = analysis.doc.blocks.some((b) => b.kind === 'code' && position.line >= b.startLine && position.line <= b.endLine);
    return inCode ? none : { isIncomplete: false, items: headingItems(analysis, position, context) };
  }
  if (!inTimeline(analysis, position.line)) return none;
  const timeline = analysis.timeline;
  const range = { start: { line: position.line, character: position.character - context.word.length }, end: position };
  // Zones first where the entries write one; phrases first where the heading states it once.
  const zonesFirst = timeline?.zone === undefined || timeline.zone.source === 'entry';
  const items = [
    ...(context.phrase ? phraseItems(timeline, range, zonesFirst ? 1 : 0) : []),
    ...(context.zone ? zoneItems(timeline, range, entryDay(timeline, position.line, context.date), ambiguityOf({ ambiguousZones }), zonesFirst ? 0 : 1) : []),
  ];
  return { isIncomplete: false, items };
}

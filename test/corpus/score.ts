// Scores the engine against the labelled corpus (labels.json, see README.md): per-rule precision
// and recall, plus the timeline's zone and outage window against the reviewer's reading.
// A library: the accuracy test asserts floors with it, scripts/accuracy.ts prints and documents it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis, type Problem } from '../../server/src/engine';
import { sniffLanguage } from '../../server/src/config/files';
import { isoLocal } from '../../server/src/engine/timeline/format';
import { ianaOffsetMinutes } from '../../server/src/engine/timeline/index';

export interface Label {
  rule: string;
  line?: number;
  section?: string;
  also?: number[];
  alt?: string;
  why?: string;
}

export interface DocumentLabels {
  file: string;
  postmortem: boolean;
  sections?: Record<string, number>;
  timezone?: string | null;
  outage?: { start?: string; end?: string };
  expect?: Label[];
  reject?: Label[];
  note?: string;
}

export interface RuleScore {
  rule: string;
  expected: number;
  rejected: number;
  tp: number;
  fn: number;
  fp: number;
  /** Reports on no labelled line: neither right nor wrong, listed for sampling. */
  unlabelled: number;
  precision?: number;
  recall?: number;
}

export interface Finding {
  file: string;
  rule: string;
  line?: number;
  section?: string;
  why?: string;
  message?: string;
}

export interface TimelineScore {
  /** Documents whose label states a zone (or null) and how many the timeline agrees with. */
  zone: { labelled: number; agreed: number; misses: Finding[] };
  outageStart: { labelled: number; agreed: number; misses: Finding[] };
  outageEnd: { labelled: number; agreed: number; misses: Finding[] };
}

export interface CorpusScore {
  documents: number;
  rules: RuleScore[];
  misses: Finding[];
  falseAlarms: Finding[];
  unlabelled: Finding[];
  timeline: TimelineScore;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const LABELS_PATH = join(HERE, 'labels.json');
export const SHARED_DIR = join(HERE, '..', '..', '..', 'shared');

export function sharedAvailable(shared = SHARED_DIR): boolean {
  return existsSync(join(shared, 'corpus', 'docs')) && existsSync(join(shared, 'seeds'));
}

export function loadLabels(path = LABELS_PATH): DocumentLabels[] {
  return JSON.parse(readFileSync(path, 'utf8')) as DocumentLabels[];
}

/** Analyses a labelled file as the CLI does when the file is named explicitly. */
export function analyzeFile(shared: string, file: string): Analysis {
  const raw = readFileSync(join(shared, file), 'utf8');
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  return analyze(text, { force: true, languageId: sniffLanguage(file, text) });
}

const lineOf = (p: Problem) => p.range.start.line + 1;

/** Whether problem `p` is the finding a label describes. */
export function matches(label: Label, p: Problem): boolean {
  if (p.ruleId !== label.rule && p.ruleId !== label.alt) return false;
  if (label.rule === 'missing-section') return label.section !== undefined && p.data?.['section'] === label.section;
  if (label.rule === 'timezone-missing' && p.ruleId === 'timezone-missing') return true; // per file
  const lines = [label.line, ...(label.also ?? [])];
  if (lines.includes(lineOf(p))) return true;
  // A report that speaks for several lines lists them (0-based) in `data.items`: action-item-owner
  // reports "None of the N open action items names an owner" once, on the section title, for every
  // item in it. It is each item's finding, so it matches an item's label, and it is a false alarm
  // when one of the items it covers names an owner.
  const items = p.data?.['items'];
  return Array.isArray(items) && items.some((l) => typeof l === 'number' && lines.includes(l + 1));
}

const ratio = (a: number, b: number) => (b === 0 ? undefined : a / b);

/** Local HH:MM of an instant at an offset. */
function clock(instant: number | undefined, offset: number | undefined): string | undefined {
  if (instant === undefined) return undefined;
  return isoLocal(instant, offset).slice(11, 16);
}

/** The zone a timeline resolved, in the labels' vocabulary (IANA for regions with summer time, else UTC or UTC±hh:mm). */
export function zoneName(a: Analysis): string | null {
  const z = a.timeline?.zone?.zone;
  if (!z || z.unknown) return null;
  const region = z.ambiguous ? undefined : z.iana;
  if (region && z.fixedOffsetMinutes !== 0) {
    const jan = ianaOffsetMinutes(region, Date.UTC(2021, 0, 15));
    const jul = ianaOffsetMinutes(region, Date.UTC(2021, 6, 15));
    if (jan !== jul) return region;
  }
  const off = z.fixedOffsetMinutes ?? (region ? ianaOffsetMinutes(region, Date.UTC(2021, 0, 15)) : undefined);
  if (off === undefined) return z.ambiguous?.[0] ?? null;
  if (off === 0) return 'UTC';
  const sign = off < 0 ? '-' : '+';
  const m = Math.abs(off);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Zones the labels may give for the same reading (Europe/Copenhagen for "CET" is Paris's rules). */
function sameZone(label: string, got: string | null): boolean {
  if (label === got) return true;
  const europe = ['Europe/Copenhagen', 'Europe/Paris', 'Europe/Berlin', 'Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Oslo'];
  if (got && europe.includes(label) && europe.includes(got)) return true;
  const utc = ['UTC', 'Etc/UTC', 'UTC+00:00'];
  return got !== null && utc.includes(label) && utc.includes(got);
}

export function scoreCorpus(shared = SHARED_DIR, labels = loadLabels()): CorpusScore {
  const rules = new Map<string, RuleScore>();
  const score = (rule: string): RuleScore => {
    let s = rules.get(rule);
    if (!s) rules.set(rule, (s = { rule, expected: 0, rejected: 0, tp: 0, fn: 0, fp: 0, unlabelled: 0 }));
    return s;
  };
  const misses: Finding[] = [];
  const falseAlarms: Finding[] = [];
  const unlabelled: Finding[] = [];
  const timeline: TimelineScore = {
    zone: { labelled: 0, agreed: 0, misses: [] },
    outageStart: { labelled: 0, agreed: 0, misses: [] },
    outageEnd: { labelled: 0, agreed: 0, misses: [] },
  };

  for (const doc of labels) {
    const a = analyzeFile(shared, doc.file);
    const problems = a.problems;
    const expect = doc.expect ?? [];
    const reject = doc.reject ?? [];
    for (const label of expect) {
      const s = score(label.rule);
      s.expected++;
      if (problems.some((p) => matches(label, p))) s.tp++;
      else {
        s.fn++;
        misses.push({ file: doc.file, rule: label.rule, line: label.line, section: label.section, why: label.why });
      }
    }
    for (const label of reject) {
      const s = score(label.rule);
      s.rejected++;
      // A reject names one rule: a report of that rule on that line is a false alarm.
      const hit = problems.find((p) => p.ruleId === label.rule && matches({ ...label, alt: undefined }, p));
      if (hit) {
        s.fp++;
        falseAlarms.push({ file: doc.file, rule: label.rule, line: label.line, section: label.section, why: label.why, message: hit.message });
      }
    }
    for (const p of problems) {
      if ([...expect, ...reject].some((l) => matches(l, p))) continue;
      score(p.ruleId).unlabelled++;
      unlabelled.push({ file: doc.file, rule: p.ruleId, line: lineOf(p), message: p.message });
    }
    if (doc.postmortem) scoreTimeline(doc, a, timeline);
  }

  const list = [...rules.values()].sort((x, y) => x.rule.localeCompare(y.rule));
  for (const s of list) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
  }
  return { documents: labels.length, rules: list, misses, falseAlarms, unlabelled, timeline };
}

function scoreTimeline(doc: DocumentLabels, a: Analysis, t: TimelineScore): void {
  if (doc.timezone !== undefined && doc.sections?.['timeline'] !== undefined) {
    t.zone.labelled++;
    const got = zoneName(a);
    if (doc.timezone === null ? got === null : sameZone(doc.timezone, got)) t.zone.agreed++;
    else t.zone.misses.push({ file: doc.file, rule: 'zone', why: `labelled ${doc.timezone}`, message: `got ${got}` });
  }
  const m = a.timeline?.milestones;
  const start = m?.start;
  const end = m?.resolved;
  for (const [key, want, entry] of [['outageStart', doc.outage?.start, start], ['outageEnd', doc.outage?.end, end]] as const) {
    if (want === undefined) continue;
    const bucket = t[key];
    bucket.labelled++;
    const got = entry ? clock(entry.instant, entry.offsetMinutes) : undefined;
    if (got === want) bucket.agreed++;
    else bucket.misses.push({ file: doc.file, rule: key, why: `labelled ${want}`, message: `got ${got ?? 'none'}${entry ? ` (line ${entry.line + 1})` : ''}` });
  }
}

const pct = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(2));

/** The Markdown table of docs/accuracy.md. */
export function scoreTable(s: CorpusScore): string {
  const rows = s.rules.map((r) => `| \`${r.rule}\` | ${r.expected} | ${r.rejected} | ${r.tp} | ${r.fn} | ${r.fp} | ${pct(r.precision)} | ${pct(r.recall)} | ${r.unlabelled} |`);
  const tp = s.rules.reduce((n, r) => n + r.tp, 0);
  const fn = s.rules.reduce((n, r) => n + r.fn, 0);
  const fp = s.rules.reduce((n, r) => n + r.fp, 0);
  const un = s.rules.reduce((n, r) => n + r.unlabelled, 0);
  rows.push(`| **all** | ${tp + fn} | ${s.rules.reduce((n, r) => n + r.rejected, 0)} | ${tp} | ${fn} | ${fp} | ${pct(ratio(tp, tp + fp))} | ${pct(ratio(tp, tp + fn))} | ${un} |`);
  return ['| rule | expect | reject | TP | FN | FP | precision | recall | unlabelled reports |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

export function timelineTable(s: CorpusScore): string {
  const row = (name: string, b: { labelled: number; agreed: number }) => `| ${name} | ${b.labelled} | ${b.agreed} | ${pct(ratio(b.agreed, b.labelled))} |`;
  return ['| reading | labelled | agreed | rate |', '|---|---:|---:|---:|',
    row('timeline zone', s.timeline.zone), row('outage start (local HH:MM)', s.timeline.outageStart), row('outage end (local HH:MM)', s.timeline.outageEnd)].join('\n');
}

// Shared helpers for the timeline model and rule tests: analyse a Markdown text as a postmortem,
// read its entries as ISO times, and apply a problem's fix.
import { analyze, applyEdits, type Analysis, type Config, type Problem } from '../../../server/src/engine';
import { isoLocal } from '../../../server/src/engine/timeline/format';
import type { Timeline, TimelineEntry } from '../../../server/src/engine/timeline/model';

export function run(text: string, config?: Config, languageId: 'markdown' | 'plaintext' | 'html' = 'markdown'): Analysis {
  return analyze(text, { force: true, config, languageId });
}

export function timeline(text: string, config?: Config): Timeline {
  const t = run(text, config).timeline;
  if (!t) throw new Error('no timeline');
  return t;
}

/** "2020-09-30T08:16:00-07:00" of an entry, or "-" when it has no instant. */
export function iso(e: TimelineEntry | undefined): string {
  return e?.instant === undefined ? '-' : isoLocal(e.instant, e.offsetMinutes);
}

export const isos = (t: Timeline) => t.entries.map(iso);
export const kinds = (t: Timeline) => t.entries.map((e) => e.kind);
export const texts = (t: Timeline) => t.entries.map((e) => e.text);

/** "line:col rule message" of the problems of the given rules (1-based, as the CLI prints). */
export function found(a: Analysis, ...rules: string[]): string[] {
  return a.problems.filter((p) => rules.length === 0 || rules.includes(p.ruleId)).map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.ruleId} ${p.message}`);
}

export function only(a: Analysis, rule: string): Problem[] {
  return a.problems.filter((p) => p.ruleId === rule);
}

/** Applies the first fix of a problem (or the one titled `title`). */
export function applyFix(text: string, p: Problem, title?: string): string {
  const fix = title ? p.fixes?.find((f) => f.title === title) : p.fixes?.[0];
  if (!fix) throw new Error(`no fix on ${p.ruleId}: ${p.message}`);
  return applyEdits(text, fix.edits).text;
}

/** Sections every test document needs so that only the timeline rules have something to say. */
export function postmortem(parts: { title?: string; summary?: string; timeline: string; heading?: string; rootCause?: string; resolution?: string }): string {
  return [
    `# ${parts.title ?? 'Checkout errors on 2024-03-05'}`,
    '',
    '## Summary',
    '',
    parts.summary ?? 'Checkout returned errors for a while after a configuration change.',
    '',
    `## ${parts.heading ?? 'Timeline (all times UTC)'}`,
    '',
    parts.timeline,
    '',
    '## Root cause',
    '',
    parts.rootCause ?? 'A configuration change pointed the payment client at a retired endpoint.',
    '',
    '## Resolution',
    '',
    parts.resolution ?? 'The change was reverted.',
    '',
    '## Action items',
    '',
    '- Validate endpoints before deploying configuration (owner: @lee)',
    '',
  ].join('\n');
}

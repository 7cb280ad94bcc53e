// Hand-made timelines for the renderer tests: entries with exactly the instants, zones, kinds
// and problems a test needs, without going through the parser.
import { computeMilestones } from '../../server/src/engine/timeline/metrics';
import type { MilestoneKind, Timeline, TimelineEntry } from '../../server/src/engine/timeline/model';
import type { TimeToken, ZoneToken } from '../../server/src/engine/timeline/tokens';
import type { Problem, Severity } from '../../server/src/engine/types';
import { isEl, type Child, type El } from '../../server/src/render/dom';

export const PDT: ZoneToken = { start: 0, end: 3, raw: 'PDT', kind: 'abbr', abbr: 'PDT', iana: 'America/Los_Angeles', fixedOffsetMinutes: -420, dstVariant: 'daylight' };
export const EST: ZoneToken = { start: 0, end: 3, raw: 'EST', kind: 'abbr', abbr: 'EST', iana: 'America/New_York', fixedOffsetMinutes: -300, dstVariant: 'standard' };

function timeToken(hour: number, minute: number, approximate = false): TimeToken {
  const raw = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { start: 2, end: 7, raw, clockStart: 2, clockEnd: 7, hour, minute, style: '24h', approximate };
}

export interface EntrySpec {
  /** Local wall time "YYYY-MM-DD HH:MM" in the zone (or floating). */
  at?: string;
  text: string;
  kind?: MilestoneKind;
  approximate?: boolean;
  /** Local end of a range entry. */
  until?: string;
  vague?: string;
  placeholder?: string;
  invalid?: string;
  line?: number;
  endLine?: number;
}

export interface TimelineSpec {
  zone?: ZoneToken | null;
  offsetMinutes?: number;
  floatingDate?: boolean;
}

function wall(at: string): { ms: number; hour: number; minute: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(at);
  if (!m) throw new Error(`bad time ${at}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return { ms: Date.UTC(y, mo - 1, d, h, mi), hour: h, minute: mi };
}

export function makeTimeline(specs: readonly EntrySpec[], options: TimelineSpec = {}): Timeline {
  const zone = options.zone === undefined ? PDT : options.zone;
  const offset = zone ? (options.offsetMinutes ?? zone.fixedOffsetMinutes ?? 0) : undefined;
  const zctx = zone ? { zone, source: 'heading' as const, line: 0 } : undefined;
  const entries = specs.map((s, i): TimelineEntry => {
    const line = s.line ?? 10 + i;
    const e: TimelineEntry = { line, endLine: s.endLine ?? line, start: 2, end: 7, text: s.text, source: 'list', approximate: s.approximate ?? false, kind: s.kind ?? 'other' };
    if (s.at) {
      const w = wall(s.at);
      e.time = timeToken(w.hour, w.minute, s.approximate);
      e.instant = w.ms - (offset ?? 0) * 60_000;
      if (offset !== undefined) e.offsetMinutes = offset;
      if (zctx) e.zone = zctx;
      if (s.until) e.endInstant = wall(s.until).ms - (offset ?? 0) * 60_000;
    }
    if (s.invalid) {
      e.time = { ...timeToken(13, 55), raw: s.invalid, invalid: 'hour 13 with PM' };
    }
    if (s.vague) e.vague = { start: 2, end: 2 + s.vague.length, raw: s.vague };
    if (s.placeholder) e.placeholder = { start: 2, end: 2 + s.placeholder.length, raw: s.placeholder };
    return e;
  });
  return {
    sectionLines: [8],
    entries,
    zone: zctx,
    floating: { date: options.floatingDate ?? false, zone: zone === null },
    milestones: computeMilestones(entries),
    prose: [],
  };
}

export function problem(line: number, message: string, ruleId = 'timeline-order', severity: Severity = 'warning'): Problem {
  return { ruleId, severity, message, range: { start: { line, character: 2 }, end: { line, character: 7 } } };
}

/** The classic: deploy, outage, page, failed rollback, rollback, restarts, all clear (PDT). */
export const CLASSIC: EntrySpec[] = [
  { at: '2020-09-30 08:00', text: 'Configuration push begins' },
  { at: '2020-09-30 08:16', text: 'Interruption begins', kind: 'start' },
  { at: '2020-09-30 08:26', text: 'Pagers alerted teams', kind: 'detect' },
  { at: '2020-09-30 09:24', text: 'Configuration change rollback failed' },
  { at: '2020-09-30 10:35', text: 'Successful rollback of configuration change', kind: 'mitigate' },
  { at: '2020-09-30 11:19', text: 'Server restarts begin' },
  { at: '2020-09-30 11:58', text: '100% of traffic is back online', kind: 'resolve' },
];

// Queries on the element tree.

export function all(node: Child, test: (el: El) => boolean): El[] {
  if (!isEl(node)) return [];
  return [...(test(node) ? [node] : []), ...node.children.flatMap((c) => all(c, test))];
}

export function hasClass(el: El, cls: string): boolean {
  return String(el.attrs['class'] ?? '').split(/\s+/).includes(cls);
}

export const byClass = (root: Child, cls: string): El[] => all(root, (el) => hasClass(el, cls));

export function events(root: Child): El[] {
  return all(root, (el) => el.tag === 'g' && el.attrs['role'] === 'listitem' && el.attrs['data-id'] !== undefined);
}

/** x (horizontal) or y (vertical) of an event's marker. */
export function markerPos(event: El, axis: 'x' | 'y'): number {
  const marker = byClass(event, 'pm-marker')[0];
  if (!marker) throw new Error('no marker');
  if (marker.tag === 'circle') return Number(marker.attrs[axis === 'x' ? 'cx' : 'cy']);
  const m = /^M([\d.-]+) ([\d.-]+)/.exec(String(marker.attrs['d']));
  return axis === 'x' ? Number(m![1]) : Number(m![2]) + 6.5;
}

/**
 * A strict little XML well-formedness check (enough for what the serializer writes): balanced
 * tags, quoted attributes, no stray "<" or "&" in text or attribute values.
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const entity = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  let i = 0;
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '<') {
      const end = body.indexOf('>', i);
      if (end < 0) throw new Error(`unclosed tag at ${i}`);
      const tag = body.slice(i, end + 1);
      const close = /^<\/([A-Za-z][\w:-]*)>$/.exec(tag);
      if (close) {
        const open = stack.pop();
        if (open !== close[1]) throw new Error(`</${close[1]}> closes <${open}> at ${i}`);
      } else {
        const m = /^<([A-Za-z][\w:-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<]*")*)\s*(\/?)>$/.exec(tag);
        if (!m) throw new Error(`malformed tag ${tag.slice(0, 80)}`);
        for (const value of m[2]!.matchAll(/="([^"]*)"/g)) {
          for (let j = value[1]!.indexOf('&'); j >= 0; j = value[1]!.indexOf('&', j + 1)) {
            if (!entity.test(value[1]!.slice(j))) throw new Error(`raw & in attribute ${value[1]!.slice(0, 60)}`);
          }
        }
        if (!m[3]) stack.push(m[1]!);
      }
      i = end + 1;
    } else if (ch === '&') {
      if (!entity.test(body.slice(i))) throw new Error(`raw & in text at ${i}: ${body.slice(i, i + 20)}`);
      i++;
    } else if (ch === '>') {
      throw new Error(`raw > in text at ${i}`);
    } else i++;
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

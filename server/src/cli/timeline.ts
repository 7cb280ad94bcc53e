// `postmortem-lint timeline FILE [--format json|html|svg|mermaid]`: the timeline of one file,
// through the same renderer as the preview (product.md, "CLI contract").
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { analyze, mergeConfigs } from '../engine';
import { sniffLanguage } from '../config/files';
import { renderHtml, renderJson, renderMermaid, renderSvg, timelineView, type ZoneMode } from '../render';
import { UsageError } from './args';
import type { Command } from './commands';
import { ConfigError, ConfigResolver } from './config';
import type { Io } from './io';
import { errorMessage } from './targets';

const FORMATS = ['json', 'html', 'svg', 'mermaid'] as const;
type TimelineFormat = (typeof FORMATS)[number];

export const TIMELINE_USAGE = `Usage: postmortem-lint timeline FILE [options]

Prints the timeline of one postmortem: its entries, milestones and metrics.

Options:
  --format json|html|svg|mermaid  Output format (default: json). html is a self-contained page,
                                  svg a standalone picture, mermaid a gantt chart.
  --utc                           Show times in UTC instead of the document's zone (html, svg, mermaid)
  --config FILE                   Use this configuration instead of .postmortemrc.json(c) files
  --help                          Show this help

Exit status: 0 printed, 2 usage, I/O or configuration error.`;

interface TimelineOptions {
  file?: string;
  format: TimelineFormat;
  zone: ZoneMode;
  config?: string;
  help: boolean;
}

function valueOf(argv: readonly string[], i: number, name: string, eq: number): { value: string; next: number } {
  const arg = argv[i]!;
  if (eq >= 0) return { value: arg.slice(eq + 1), next: i };
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${name} needs a value`);
  return { value, next: i + 1 };
}

export function parseTimelineArgs(argv: readonly string[]): TimelineOptions {
  const options: TimelineOptions = { format: 'json', zone: 'local', help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg === '-h') options.help = true;
      else files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (name === 'help' || name === 'utc') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      if (name === 'help') options.help = true;
      else options.zone = 'utc';
    } else if (name === 'format') {
      const { value, next } = valueOf(argv, i, name, eq);
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`invalid --format "${value}" for timeline (expected one of ${FORMATS.join(', ')})`);
      options.format = value as TimelineFormat;
      i = next;
    } else if (name === 'config') {
      const { value, next } = valueOf(argv, i, name, eq);
      options.config = value;
      i = next;
    } else {
      throw new UsageError(`unknown option "--${name}" for timeline`);
    }
  }
  if (options.help) return options;
  if (files.length === 0) throw new UsageError('timeline needs a FILE');
  if (files.length > 1) throw new UsageError(`timeline takes one FILE, got ${files.length}`);
  options.file = files[0];
  return options;
}

function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : path).split(sep).join('/');
}

export async function timeline(argv: readonly string[], io: Io): Promise<number> {
  const options = parseTimelineArgs(argv);
  if (options.help) {
    io.stdout(`${TIMELINE_USAGE}\n`);
    return 0;
  }
  const fail = (message: string): number => {
    io.stderr(`postmortem-lint: ${message}\n`);
    return 2;
  };
  const path = resolve(io.cwd, options.file!);
  const shown = shownPath(io.cwd, path);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    return fail(`${shown}: cannot read file: ${errorMessage(error)}`);
  }
  if (buffer.includes(0)) return fail(`${shown}: binary file (it contains NUL bytes)`);
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  let config;
  try {
    config = (await (await ConfigResolver.create(io.cwd, options.config)).forFile(path)).config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const m of error.messages) io.stderr(`postmortem-lint: ${m}\n`);
    return 2;
  }
  const analysis = analyze(text, { config: mergeConfigs(config), languageId: sniffLanguage(path, text), force: true });
  if (!analysis.timeline) {
    const why = analysis.ruleErrors.find((e) => e.ruleId === 'timeline')?.message.split('\n')[0] ?? 'no timeline';
    return fail(`${shown}: cannot build the timeline: ${why}`);
  }
  const view = timelineView(analysis.timeline, analysis.problems, { filePath: shown });
  const generator = `postmortem-lint ${io.version}`;
  const output: Record<TimelineFormat, () => string> = {
    json: () => renderJson(view),
    html: () => renderHtml(view, { zone: options.zone, generator }),
    svg: () => renderSvg(view, { zone: options.zone }),
    mermaid: () => renderMermaid(view, { zone: options.zone }),
  };
  io.stdout(output[options.format]());
  return 0;
}

export const timelineCommand: Command = { name: 'timeline', run: timeline };

// The lint command: find the files, check each with its configuration, fix if asked, report.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { analyze, mergeConfigs, ParseCache, type Analysis, type Config } from '../engine';
import { DEFAULT_FILE_GLOBS, matchesFileGlobs, sniffLanguage } from '../config/files';
import { parseLintArgs, USAGE, type LintOptions } from './args';
import { ConfigError, ConfigResolver, type LoadedConfig } from './config';
import { fixText } from './fix';
import { FORMATTERS, type FileResult } from './format';
import type { Io } from './io';
import { errorMessage, expandPaths, type Target } from './targets';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FATAL = 2;

/** Path relative to `base` with forward slashes, or undefined when outside it. */
function inside(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function displayPath(cwd: string, path: string): string {
  return inside(cwd, path) ?? path.split(sep).join('/');
}

/** File globs are relative to the config's folder, else to the working directory. */
function matchesGlobs(target: string, loaded: LoadedConfig, cwd: string): boolean {
  const base = loaded.path ? dirname(loaded.path) : cwd;
  const rel = inside(base, target) ?? target.split(sep).join('/');
  return matchesFileGlobs(rel, loaded.config.files ?? DEFAULT_FILE_GLOBS);
}

function isBinary(buffer: Buffer): boolean {
  return buffer.includes(0);
}

class Run {
  readonly results: FileResult[] = [];
  private readonly reported = new Set<string>();
  fatal = false;

  constructor(private readonly io: Io, private readonly options: LintOptions, private readonly configs: ConfigResolver) {}

  /** A one-line message on stderr; the run ends with exit code 2. */
  error(message: string): void {
    this.fatal = true;
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.io.stderr(`postmortem-lint: ${message}\n`);
  }

  async check(target: Target): Promise<void> {
    const shown = displayPath(this.io.cwd, target.path);
    let loaded: LoadedConfig;
    try {
      loaded = await this.configs.forFile(target.path);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const m of error.messages) this.error(m);
      return;
    }
    let buffer: Buffer;
    try {
      buffer = await readFile(target.path);
    } catch (error) {
      this.error(`${shown}: cannot read file: ${errorMessage(error)}`);
      return;
    }
    if (isBinary(buffer)) {
      if (target.explicit) this.error(`${shown}: binary file (it contains NUL bytes), not checked`);
      return;
    }
    const raw = buffer.toString('utf8');
    // Invalid UTF-8 reads as U+FFFD: fine to check, but writing fixes back would replace every
    // invalid byte of the file, far from any fix.
    const validUtf8 = !this.options.fix || Buffer.from(raw, 'utf8').equals(buffer);
    const bom = raw.startsWith('\uFEFF');
    const text = bom ? raw.slice(1) : raw;
    const config: Config = mergeConfigs(loaded.config, this.options.profile ? { profile: this.options.profile } : undefined);
    const force = target.explicit || matchesGlobs(target.path, loaded, this.io.cwd);
    const languageId = sniffLanguage(target.path, text);
    const cache = new ParseCache();
    const analyzeText = (t: string): Analysis => analyze(t, { config, languageId, force, cache });
    let analysis = analyzeText(text);
    if (analysis.configIssues.length > 0) {
      const source = this.options.profile ? '--profile' : (loaded.path ? displayPath(this.io.cwd, loaded.path) : 'configuration');
      // The engine falls back to a default profile; the CLI stops instead, so drop "using …".
      for (const issue of analysis.configIssues) this.error(`${source}: ${issue.message.replace(/; using "[^"]*"$/, '')}`);
      return;
    }
    if (!analysis.isPostmortem) return;
    if (this.options.fix && !validUtf8) this.error(`${shown}: not valid UTF-8, so --fix left it unchanged`);
    else if (this.options.fix) {
      const outcome = fixText(text, analyzeText);
      analysis = outcome.analysis;
      if (outcome.text !== text) {
        try {
          await writeFile(target.path, (bom ? '\uFEFF' : '') + outcome.text, 'utf8');
        } catch (error) {
          this.error(`${shown}: cannot write fixes: ${errorMessage(error)}`);
        }
      }
    }
    for (const e of analysis.ruleErrors) this.error(`${shown}: rule ${e.ruleId} failed: ${e.message.split('\n')[0] ?? ''}`);
    this.results.push({ path: target.path, displayPath: shown, problems: analysis.problems });
  }
}

export async function lint(argv: readonly string[], io: Io): Promise<number> {
  const options = parseLintArgs(argv);
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${io.version}\n`);
    return EXIT_OK;
  }
  let configs: ConfigResolver;
  try {
    configs = await ConfigResolver.create(io.cwd, options.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const m of error.messages) io.stderr(`postmortem-lint: ${m}\n`);
    return EXIT_FATAL;
  }
  const run = new Run(io, options, configs);
  const { targets, errors } = await expandPaths(io.cwd, options.paths);
  for (const e of errors) run.error(e);
  for (const target of targets) await run.check(target);
  // A folder that holds no postmortem is a mistake in the command (a wrong path), not a pass
  // (unless its files already failed for a reason of their own, reported above).
  for (const given of run.fatal ? [] : options.paths) {
    const dir = resolve(io.cwd, given);
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (isDir && !run.results.some((r) => r.path.startsWith(dir + sep))) run.error(`${given}: no postmortem found in this folder`);
  }
  io.stdout(FORMATTERS[options.format](run.results, { cwd: io.cwd, version: io.version }));
  if (run.fatal) return EXIT_FATAL;
  const problems = run.results.flatMap((r) => r.problems);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const warningCount = problems.filter((p) => p.severity === 'warning').length;
  if (errorCount > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    io.stderr(`postmortem-lint: ${warningCount} warnings found, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

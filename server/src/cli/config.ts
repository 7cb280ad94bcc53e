// Finds and reads the configuration for each file: `--config FILE`, or the nearest
// .postmortemrc.json(c) up the tree. Lookups are cached per directory and each config file is
// parsed once, so a broken one is reported once.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseConfigText, type Config } from '../engine';
import { findConfigFile, type ConfigHost } from '../config/find';
import { errorMessage } from './targets';

export interface LoadedConfig {
  config: Config;
  /** The config file, when there is one; its folder is the base of its `files` globs. */
  path?: string;
}

/** A configuration that cannot be used: every message is `path:line:col: message`. */
export class ConfigError extends Error {
  constructor(readonly messages: string[]) {
    super(messages[0] ?? 'invalid configuration');
  }
}

const host: ConfigHost = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new ConfigError([`${path}: cannot read configuration: ${errorMessage(error)}`]);
    }
  },
};

/** A path as the user would type it: relative to the working directory when inside it. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

function parse(cwd: string, path: string, text: string): LoadedConfig {
  const { config, errors } = parseConfigText(text.replace(/^\uFEFF/, ''));
  const shown = shownPath(cwd, path);
  if (errors.length > 0) throw new ConfigError(errors.map((e) => `${shown}:${e.line + 1}:${e.character + 1}: ${e.message}`));
  return { config, path };
}

export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<LoadedConfig>>();
  private readonly byFile = new Map<string, LoadedConfig | ConfigError>();

  private constructor(private readonly cwd: string, private readonly fixed?: LoadedConfig) {}

  /** With `--config FILE`: reads it now, so a broken or missing file stops the run early. */
  static async create(cwd: string, configPath?: string): Promise<ConfigResolver> {
    if (configPath === undefined) return new ConfigResolver(cwd);
    const path = resolve(cwd, configPath);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new ConfigError([`${configPath}: cannot read configuration: ${errorMessage(error)}`]);
    }
    return new ConfigResolver(cwd, parse(cwd, path, text));
  }

  /** The configuration for a file. Throws ConfigError when the applicable file is broken. */
  forFile(file: string): Promise<LoadedConfig> {
    if (this.fixed) return Promise.resolve(this.fixed);
    const dir = dirname(file);
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookup(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookup(dir: string): Promise<LoadedConfig> {
    const file = await findConfigFile(dir, host);
    if (!file) return { config: {} };
    let parsed = this.byFile.get(file.path);
    if (!parsed) {
      try {
        parsed = parse(this.cwd, file.path, file.text);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        parsed = error;
      }
      this.byFile.set(file.path, parsed);
    }
    if (parsed instanceof ConfigError) throw parsed;
    return parsed;
  }
}

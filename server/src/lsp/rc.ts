// .postmortemrc.json / .postmortemrc.jsonc files: found up the tree from a document, parsed
// once per content, and remembered in their last good version. A file that cannot be read as
// JSON never breaks analysis: documents keep the last good configuration.
import { findConfigFile, CONFIG_FILE_NAMES } from '../config/find';
import { parseConfigText, type Config, type ConfigError, type ParsedConfig } from '../engine';
import type { FileSystemHost } from './host';
import { basename, dirname } from './uri';

export interface RcFile {
  path: string;
  uri: string;
  /** The configuration in effect: the file's own, or its last good version while it is broken. */
  config: Config;
  /** Set while the file cannot be read as JSON. */
  broken?: { error: ConfigError; hasLastGood: boolean };
}

interface Entry {
  text: string;
  parsed: ParsedConfig;
  lastGood?: Config;
}

type Found = { path: string; text: string } | undefined;

export function isRcPath(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path.replace(/\\/g, '/')));
}

export class RcStore {
  /** Lookups by starting folder, until a .postmortemrc changes somewhere. */
  private readonly lookups = new Map<string, Promise<Found>>();
  private readonly entries = new Map<string, Entry>();
  /** Counts changes, so a lookup that raced with one is repeated. */
  private epoch = 0;

  constructor(
    private readonly files: FileSystemHost,
    /** Called when a file's parse result changes (undefined: the file is gone). */
    private readonly onParsed: (uri: string, file: { text: string; parsed: ParsedConfig; hasLastGood: boolean } | undefined) => void,
  ) {}

  async find(documentPath: string, stopAt: string | undefined): Promise<RcFile | undefined> {
    const dir = dirname(documentPath);
    const key = `${dir}\u0000${stopAt ?? ''}`;
    for (let attempt = 0; ; attempt++) {
      const epoch = this.epoch;
      let lookup = this.lookups.get(key);
      if (!lookup) {
        lookup = findConfigFile(dir, this.files, stopAt).catch((): Found => undefined);
        this.lookups.set(key, lookup);
      }
      const found = await lookup;
      // A file changed while we looked: what we read may be stale, so look again.
      if (epoch !== this.epoch && attempt < 3) continue;
      return found ? this.load(found.path, found.text) : undefined;
    }
  }

  /** A .postmortemrc was created, changed or deleted (watcher or save): read it again. */
  async changed(path: string): Promise<void> {
    this.epoch++;
    this.lookups.clear();
    const text = await this.files.readFile(path).catch(() => undefined);
    if (text !== undefined) {
      this.load(path, text);
    } else if (this.entries.delete(path)) {
      this.onParsed(this.files.toUri(path), undefined);
    }
  }

  private load(path: string, text: string): RcFile {
    let entry = this.entries.get(path);
    if (!entry || entry.text !== text) {
      const parsed = parseConfigText(text);
      entry = { text, parsed, lastGood: parsed.fatal ? entry?.lastGood : parsed.config };
      this.entries.set(path, entry);
      this.onParsed(this.files.toUri(path), { text, parsed, hasLastGood: entry.lastGood !== undefined });
    }
    const uri = this.files.toUri(path);
    const first = entry.parsed.errors[0];
    if (entry.parsed.fatal && first) return { path, uri, config: entry.lastGood ?? {}, broken: { error: first, hasLastGood: entry.lastGood !== undefined } };
    return { path, uri, config: entry.parsed.config };
  }
}

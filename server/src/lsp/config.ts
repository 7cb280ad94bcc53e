// The configuration of one document: its settings, then the nearest .postmortemrc on top
// (the file wins for rules, profile, files and zones: it is shared with the CLI and CI).
import { mergeConfigs, RULE_IDS, validateConfig, type Config } from '../engine';
import type { PostmortemSettings } from '../../../common/settings';
import type { FileSystemHost } from './host';
import type { Logger } from './log';
import type { RcFile, RcStore } from './rc';
import type { SettingsStore } from './settings';
import { folderOf } from './uri';

export interface DocumentConfig {
  settings: PostmortemSettings;
  /** Settings merged with the rc file. */
  config: Config;
  rc?: RcFile;
  /** The workspace folder holding the document. */
  folderUri?: string;
}

export function settingsConfig(settings: PostmortemSettings, log: Logger): Config {
  const { config, issues } = validateConfig(
    { profile: settings.profile, rules: settings.rules, files: settings.files, ambiguousZones: settings.ambiguousZones },
    RULE_IDS,
  );
  for (const issue of issues) log.warnOnce(`Setting postmortem.${issue.path}: ${issue.message}`);
  return config;
}

export class ConfigResolver {
  constructor(
    private readonly settings: SettingsStore,
    private readonly rc: RcStore | undefined,
    private readonly files: FileSystemHost | undefined,
    private readonly folders: () => readonly string[],
    private readonly log: Logger,
  ) {}

  /** The last configuration per document: the same object while nothing changed, so what is derived from it can be kept (issue 7). */
  private readonly last = new Map<string, DocumentConfig>();

  async resolve(uri: string): Promise<DocumentConfig> {
    const folderUri = folderOf(this.folders(), uri);
    const [settings, rc] = await Promise.all([this.settings.get(uri), this.findRc(uri, folderUri)]);
    const last = this.last.get(uri);
    if (last && last.settings === settings && last.folderUri === folderUri && sameRc(last.rc, rc)) return last;
    const config = { settings, config: mergeConfigs(settingsConfig(settings, this.log), rc?.config), rc, folderUri };
    this.last.set(uri, config);
    return config;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  private async findRc(uri: string, folderUri: string | undefined): Promise<RcFile | undefined> {
    const path = this.files?.toPath(uri);
    if (!this.rc || !this.files || path === undefined) return undefined;
    const stopAt = folderUri === undefined ? undefined : this.files.toPath(folderUri);
    try {
      return await this.rc.find(path, stopAt);
    } catch (error) {
      this.log.error(`Looking for a .postmortemrc for ${uri} failed`, error);
      return undefined;
    }
  }
}

/** The same file, read the same (RcStore hands out a new RcFile each time, around the same parsed config). */
function sameRc(a: RcFile | undefined, b: RcFile | undefined): boolean {
  if (!a || !b) return a === b;
  return a.path === b.path && a.uri === b.uri && a.config === b.config && a.broken?.error === b.broken?.error && a.broken?.hasLastGood === b.broken?.hasLastGood;
}

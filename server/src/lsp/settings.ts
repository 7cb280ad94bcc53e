// Per-document settings: asked of the client with workspace/configuration (scopeUri = the
// document) and cached per document until the configuration changes. Clients without
// workspace/configuration get the defaults, or what they push with didChangeConfiguration.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SECTION, type PostmortemSettings } from '../../../common/settings';
import type { Logger } from './log';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<PostmortemSettings>>();
  private pushed: PostmortemSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    /** The client answers workspace/configuration. */
    private readonly canAsk: boolean,
    private readonly log: Logger,
  ) {}

  get(uri: string): Promise<PostmortemSettings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.fetch(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** didChangeConfiguration: drop every cached answer; keep pushed settings if the client sent some. */
  changed(payload: unknown): void {
    this.cache.clear();
    const section = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (!this.canAsk && section !== undefined) this.pushed = this.read(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<PostmortemSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return this.read(raw);
    } catch (error) {
      this.log.error(`Could not read the ${SETTINGS_SECTION} settings for ${uri}; using the defaults`, error);
      return DEFAULT_SETTINGS;
    }
  }

  private read(raw: unknown): PostmortemSettings {
    const { settings, issues } = readSettings(raw);
    for (const issue of issues) this.log.warnOnce(issue);
    return settings;
  }
}

// Custom messages between the extension and the language server, each defined once as a
// namespace with its method and type (as vscode-eslint does). The server registers handlers by
// `method` because it is bundled with its own copy of vscode-jsonrpc.
import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';

export interface DocumentInfoParams {
  textDocument: { uri: string };
}

export interface DocumentInfo {
  /** Whether the document is analysed as a postmortem (by file glob, front matter or content). */
  isPostmortem: boolean;
  /** The profile in effect for the document. */
  profile: string;
  /** Where the profile comes from: a `.postmortemrc` file or the settings (or their default). */
  profileSource: 'rc' | 'settings';
  /** Every profile name the document could use: built-in and configured ones. */
  profiles: string[];
  /** URI of the `.postmortemrc.json(c)` that applies, if any. */
  configUri?: string;
  /** True while that file cannot be read and its last good version is used. */
  configBroken?: boolean;
}

// A namespace keeps method and type together under one name, as in vscode-languageserver-protocol.
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace DocumentInfoRequest {
  export const method = 'postmortem/documentInfo' as const;
  export const type = new RequestType<DocumentInfoParams, DocumentInfo, void>(method);
}

/**
 * Server to client: settings or a .postmortemrc changed, so document info (profile, config
 * file) may differ; the client asks again for what it shows.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace ConfigurationChangedNotification {
  export const method = 'postmortem/configurationChanged' as const;
  export const type = new NotificationType0(method);
}

/** Server commands (workspace/executeCommand). */
export const Commands = {
  /** Arguments: [ruleId]. Opens the rule's documentation page. */
  showRuleDocumentation: 'postmortem.showRuleDocumentation',
} as const;

/** The code action kind of "fix all safe problems". */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

/**
 * `initializationOptions` the extension sends. Other clients send none, and the server then
 * names no client-side command (a code lens is a plain label).
 */
export interface InitializationOptions {
  /** Client-side commands the server may attach to code lenses. */
  commands?: string[];
}

/** Client-side commands the server may name, when the client lists them in `InitializationOptions.commands`. */
export const ClientCommands = {
  openTimelinePreview: 'postmortem.openTimelinePreview',
} as const;

export interface ProfilesParams {
  /** A document, or a file about to be created: its folder's configuration applies. */
  uri: string;
}

export interface ProfileSummary {
  name: string;
  description: string;
  builtin: boolean;
  /** In template order. */
  sections: { id: string; title: string; required: boolean }[];
}

export interface ProfilesResult {
  /** The profile in effect there (settings, or the nearest .postmortemrc). */
  current: string;
  profiles: ProfileSummary[];
}

/** The profiles a document at `uri` could use, built-in and configured, with their sections. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace ProfilesRequest {
  export const method = 'postmortem/profiles' as const;
  export const type = new RequestType<ProfilesParams, ProfilesResult, void>(method);
}

export interface TimelineContextParams {
  textDocument: { uri: string };
}

/** A zone as the engine read it (JSON of its ZoneToken), plus what it means. */
export interface TimelineZone {
  /** As written: "Pacific time", "PDT", "UTC+3". */
  raw: string;
  kind: 'abbr' | 'offset' | 'name';
  abbr?: string;
  /** The region whose clock it names (an ambiguous abbreviation resolved by the configuration). */
  iana?: string;
  /** The offset when it names no region (UTC, UTC+3), in minutes. */
  offsetMinutes?: number;
  dstVariant?: 'standard' | 'daylight' | 'generic';
  /** 0-based line where it is stated. */
  line: number;
}

/** Where a timeline entry's parts are, so a new entry can be written like it. Columns are on `line`. */
export interface TimelineEntryShape {
  line: number;
  endLine: number;
  source: 'list' | 'table' | 'line' | 'run-in' | 'html';
  /** The whole time expression (date and zone included). */
  start: number;
  end: number;
  clockStart?: number;
  clockEnd?: number;
  style?: '12h' | '24h' | 'military' | 'iso';
  /** A zone written on the entry. */
  zoneStart?: number;
  zoneEnd?: number;
  /** A numeric date written with the time. */
  dateStart?: number;
  dateEnd?: number;
}

export interface TimelineContext {
  zone?: TimelineZone;
  /** Timeline sections: the title's line and the section's last line that is not blank. */
  sections: { line: number; endLine: number }[];
  entries: TimelineEntryShape[];
}

/** What "Insert Timeline Entry" needs: the timeline's zone, sections and the shape of its entries. Null when not a postmortem. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace TimelineContextRequest {
  export const method = 'postmortem/timelineContext' as const;
  export const type = new RequestType<TimelineContextParams, TimelineContext | null, void>(method);
}

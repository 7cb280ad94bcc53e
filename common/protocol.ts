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

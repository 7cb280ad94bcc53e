// The documents the language server is given: Markdown, plain text and HTML, on disk, untitled
// or in a virtual workspace (vscode.dev / GitHub repositories), and a remote workspace's files
// as the web build sees them from the browser (vscode-remote, as in code-server).
export const LANGUAGES = ['markdown', 'plaintext', 'html'] as const;
export const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'] as const;

export const DOCUMENT_SELECTOR = SCHEMES.flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language })));

export function isCandidate(document: { languageId: string; uri: { scheme: string } }): boolean {
  return (LANGUAGES as readonly string[]).includes(document.languageId) && (SCHEMES as readonly string[]).includes(document.uri.scheme);
}

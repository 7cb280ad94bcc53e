// URI helpers that work for every scheme (file, untitled, vscode-vfs) without Node built-ins,
// so the same code runs in the browser worker.

interface ParsedUri {
  scheme: string;
  authority: string;
  /** Decoded path, forward slashes; a Windows drive letter is lower-cased ("/c:/x"). */
  path: string;
}

export function parseUri(uri: string): ParsedUri | undefined {
  const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/.exec(uri);
  if (!m) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(m[3] ?? '');
  } catch {
    path = m[3] ?? '';
  }
  path = path.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`);
  return { scheme: (m[1] ?? '').toLowerCase(), authority: (m[2] ?? '').toLowerCase(), path };
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The document's path relative to a folder URI, or undefined when it is not inside it. */
export function relativePath(folderUri: string, uri: string): string | undefined {
  const folder = parseUri(folderUri);
  const doc = parseUri(uri);
  if (!folder || !doc || folder.scheme !== doc.scheme || folder.authority !== doc.authority) return undefined;
  const base = folder.path.replace(/\/+$/, '');
  if (!doc.path.startsWith(`${base}/`)) return undefined;
  return doc.path.slice(base.length + 1);
}

/** The innermost workspace folder holding the document. */
export function folderOf(folders: readonly string[], uri: string): string | undefined {
  let best: { folder: string; length: number } | undefined;
  for (const folder of folders) {
    const rel = relativePath(folder, uri);
    if (rel !== undefined && (!best || folder.length > best.length)) best = { folder, length: folder.length };
  }
  return best?.folder;
}

/** A path relative to a directory, both file-system paths with / or \ separators. */
export function relativeFsPath(dir: string, path: string): string | undefined {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const base = norm(dir);
  const full = norm(path);
  const sep = base.endsWith('/') ? base : `${base}/`;
  return full.startsWith(sep) ? full.slice(sep.length) : undefined;
}

export function dirname(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '.';
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

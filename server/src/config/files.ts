// Which files are postmortems by name (product.md, "Which documents are analysed").
import { minimatch } from 'minimatch';

export const DEFAULT_FILE_GLOBS = ['**/*postmortem*', '**/*post-mortem*', '**/postmortems/**', '**/incidents/**', '**/*incident*report*'];

/** `relativePath` uses forward slashes, relative to the workspace folder or config folder. */
export function matchesFileGlobs(relativePath: string, globs: readonly string[] = DEFAULT_FILE_GLOBS): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return globs.some((g) => {
    // A glob minimatch refuses ("pattern is too long": {a,b}{c,d}… expands past its limit) comes
    // from a workspace's .postmortemrc, which may be hostile: it matches nothing, it does not throw.
    try {
      return minimatch(path, g, { dot: true, nocase: true });
    } catch {
      return false;
    }
  });
}

export const POSTMORTEM_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', '.html', '.htm'];

export function languageIdForPath(path: string): 'markdown' | 'plaintext' | 'html' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.txt')) return 'plaintext';
  return 'markdown';
}

/** A .txt file written in Markdown (it has ATX headings or HTML headings) is read as Markdown. */
export function sniffLanguage(path: string, text: string): 'markdown' | 'plaintext' | 'html' {
  const byName = languageIdForPath(path);
  if (byName === 'plaintext' && /^(?:#{1,6}\s|\s*<h[1-6]\b)/im.test(text)) return 'markdown';
  return byName;
}

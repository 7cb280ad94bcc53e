// Turns the PATH arguments into the files to check. A file named on the command line is
// always checked; directories are walked for files with a postmortem extension (whether each
// really is a postmortem is decided later, from its name and its text).
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

export const WALKED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'];
const SKIPPED_DIRS = new Set(['node_modules']);

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line: analysed whatever it looks like. */
  explicit: boolean;
}

export interface Expansion {
  targets: Target[];
  /** One message per PATH that could not be read. */
  errors: string[];
}

function skippedDir(name: string): boolean {
  return name.startsWith('.') || SKIPPED_DIRS.has(name);
}

async function walk(dir: string, out: string[], errors: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(`cannot read directory ${dir}: ${errorMessage(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDir(entry.name)) await walk(path, out, errors);
      continue;
    }
    // Symbolic links to files are followed; links to directories are not (no cycles).
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) isFile = await stat(path).then((s) => s.isFile(), () => false);
    if (isFile && WALKED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push(path);
  }
}

export function errorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return (e instanceof Error ? e.message : String(error)).split('\n')[0] ?? 'unknown error';
  }
}

export async function expandPaths(cwd: string, paths: readonly string[]): Promise<Expansion> {
  const targets = new Map<string, Target>();
  const errors: string[] = [];
  const add = (path: string, explicit: boolean) => {
    const known = targets.get(path);
    if (known) known.explicit ||= explicit;
    else targets.set(path, { path, explicit });
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      errors.push(`${given}: ${errorMessage(error)}`);
      continue;
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(path, found, errors);
      for (const f of found) add(f, false);
    } else add(path, true);
  }
  return { targets: [...targets.values()], errors };
}

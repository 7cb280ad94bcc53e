// Finds the .postmortemrc.json / .postmortemrc.jsonc that applies to a file: the nearest one
// in its folder or above. File access is injected so the CLI (node:fs), the language server
// and a browser worker can share this.
export const CONFIG_FILE_NAMES = ['.postmortemrc.json', '.postmortemrc.jsonc'] as const;

export interface ConfigHost {
  /** Contents of a file, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
}

function parentDir(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  const parent = trimmed.slice(0, cut);
  return parent === '' ? (trimmed.startsWith('/') && trimmed !== '' ? '/' : undefined) : parent;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** Walks up from `dir` (inclusive) to `stopAt` (inclusive) or the root. */
export async function findConfigFile(dir: string, host: ConfigHost, stopAt?: string): Promise<{ path: string; text: string } | undefined> {
  for (let current: string | undefined = dir; current !== undefined; current = parentDir(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(current, name);
      const text = await host.readFile(path);
      if (text !== undefined) return { path, text };
    }
    if (stopAt !== undefined && current.replace(/[\\/]+$/, '') === stopAt.replace(/[\\/]+$/, '')) return undefined;
    if (current === '/') return undefined;
  }
  return undefined;
}

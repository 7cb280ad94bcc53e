// The file system for .postmortemrc discovery in Node.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileSystemHost } from '../lsp/host';

export const nodeFileSystem: FileSystemHost = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      // Missing, a directory or unreadable: for config discovery all mean "no file here".
      return undefined;
    }
  },
  toPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  toUri(path) {
    return pathToFileURL(path).href;
  },
};

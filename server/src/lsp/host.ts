// What the server needs from its platform. Node gives it the file system (for .postmortemrc
// files); a browser worker gives nothing, and settings alone configure the analysis.
import type { ConfigHost } from '../config/find';

export interface FileSystemHost extends ConfigHost {
  /** The file-system path of a URI, or undefined for schemes that are not on disk. */
  toPath(uri: string): string | undefined;
  toUri(path: string): string;
}

export interface ServerHost {
  files?: FileSystemHost;
}

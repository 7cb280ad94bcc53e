// What a command needs from its process: injected so tests can run commands in memory.
export interface Io {
  cwd: string;
  version: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

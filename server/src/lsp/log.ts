// Logging to the client's output (window/logMessage). Nothing else writes to stdout: with
// --stdio that stream carries the protocol.
import { ResponseError, type RemoteConsole } from 'vscode-languageserver';

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export class Logger {
  private readonly warned = new Set<string>();

  constructor(private readonly console: RemoteConsole) {}

  info(message: string): void {
    this.console.info(message);
  }

  error(message: string, error?: unknown): void {
    this.console.error(error === undefined ? message : `${message}: ${describe(error)}`);
  }

  /** Warns about a setting or file problem once, not on every analysis. */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.console.warn(message);
  }

  /** Runs a handler; an exception is logged and the fallback returned, never thrown. */
  guard<A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await handler(...args);
      } catch (error) {
        // Cancellation answers are thrown on purpose and must reach the client.
        if (error instanceof ResponseError) throw error;
        this.error(`${name} failed`, error);
        return fallback;
      }
    };
  }
}


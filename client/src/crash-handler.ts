// What the client does when the language server crashes. vscode-languageclient already restarts
// a crashed server (4 times within 3 minutes) but, by default, says so only in the output
// channel until it gives up. This handler keeps that policy and tells the user each time: a
// warning "crashed; restarting (n/4)…", then, after too many crashes, an error that says how to
// start it again. No 'vscode' import at run time, so it is tested without the editor
// (test/client/crash-handler.test.ts); activate.ts gives it the notifications.
import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient';

/** Restarts allowed within RESTART_WINDOW_MS (vscode-languageclient's default). */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

// The enums' values (declared enums: importing them would load vscode-languageclient and 'vscode').
const CONTINUE = 1 as ErrorAction.Continue;
const SHUTDOWN = 2 as ErrorAction.Shutdown;
const DO_NOT_RESTART = 1 as CloseAction.DoNotRestart;
const RESTART = 2 as CloseAction.Restart;

export interface CrashNotifier {
  /** The server crashed and is being restarted (a warning the user sees). */
  restarting(message: string): void;
  /** The server crashed too often and stays stopped (an error the user sees). */
  stopped(message: string): void;
}

export const restartingMessage = (n: number) => `Postmortem language server crashed; restarting (${n}/${MAX_RESTARTS})…`;
export const stoppedMessage = () =>
  `Postmortem language server crashed ${MAX_RESTARTS + 1} times in 3 minutes and was stopped; run 'Postmortem: Restart Server' to start it again (details in the 'Postmortem Lint' output).`;

export class CrashHandler implements ErrorHandler {
  /** When the server crashed, within the last RESTART_WINDOW_MS. */
  private crashes: number[] = [];

  constructor(private readonly notify: CrashNotifier, private readonly now: () => number = Date.now) {}

  /** A failed read or write on the connection: as the default handler, shut down after 3. */
  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? CONTINUE : SHUTDOWN };
  }

  /** The connection closed without stop() (a crash, an OOM kill): restart, or give up. */
  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = this.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.crashes.push(now);
    const n = this.crashes.length;
    if (n <= MAX_RESTARTS) {
      const message = restartingMessage(n);
      this.notify.restarting(message);
      // handled: the client logs the message to its output channel and shows nothing more.
      return { action: RESTART, message, handled: true };
    }
    const message = stoppedMessage();
    this.crashes = [];
    this.notify.stopped(message);
    return { action: DO_NOT_RESTART, message, handled: true };
  }

  /** The user restarted the server: earlier crashes no longer count. */
  reset(): void {
    this.crashes = [];
  }
}

// Runs the CLI with an injected process surface and turns every failure into an exit code:
// a usage error or an unexpected exception is one line on stderr, never a stack trace.
import { UsageError } from './args';
import { dispatch } from './commands';
import type { Io } from './io';
import { EXIT_FATAL } from './lint';

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`postmortem-lint: ${error.message} (see --help)\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`postmortem-lint: internal error: ${message.split('\n')[0] ?? ''}\n`);
    }
    return EXIT_FATAL;
  }
}

// postmortem-lint: the process entry point. Everything else is in run.ts and the commands.
import { version } from '../../../package.json';
import { runCli } from './run';

function write(stream: NodeJS.WriteStream, text: string): void {
  if (text) stream.write(text);
}

// A reader that went away (`postmortem-lint … | head`) is not an error worth a stack trace:
// stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  version,
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
}).then((code) => {
  // exitCode, not exit(): piped output is flushed before the process ends.
  process.exitCode = code;
});

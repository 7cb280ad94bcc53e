// postmortem-lint: the process entry point. Everything else is in run.ts and the commands.
import { version } from '../../../package.json';
import { runCli } from './run';

function write(stream: NodeJS.WriteStream, text: string): void {
  if (text) stream.write(text);
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

// Subcommand dispatch: `postmortem-lint <command> …`, else the lint command. A command owns
// its arguments; its name is reserved (a file called so is passed as `./name`).
import type { Io } from './io';
import { lint } from './lint';
import { timelineCommand } from './timeline';

export interface Command {
  name: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

/** Named subcommands. */
export const COMMANDS: readonly Command[] = [timelineCommand];

export function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const command = COMMANDS.find((c) => c.name === argv[0]);
  return command ? command.run(argv.slice(1), io) : lint(argv, io);
}

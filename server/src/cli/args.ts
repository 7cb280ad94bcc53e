// Parses the lint command line (product.md, "CLI contract"). Anything wrong is a UsageError:
// the caller prints its one-line message and exits 2.

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  format: Format;
  profile?: string;
  config?: string;
  fix: boolean;
  /** Undefined: any number of warnings passes. */
  maxWarnings?: number;
  paths: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: postmortem-lint [options] PATH...
       postmortem-lint timeline FILE [--format json|html|svg|mermaid]

Checks incident postmortems (Markdown, plain text, HTML). Directories are searched for
postmortem files; a file named explicitly is always checked.

Options:
  --format text|json|sarif|github  Output format (default: text)
  --profile NAME                   Section profile, overriding the configuration
  --config FILE                    Use this configuration instead of .postmortemrc.json(c) files
  --fix                            Apply safe fixes and write the changed files
  --max-warnings N                 Exit 1 when there are more than N warnings
  --help                           Show this help
  --version                        Show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage, I/O or configuration error.`;

type ValueOption = 'format' | 'profile' | 'config' | 'max-warnings';
const VALUE_OPTIONS: readonly ValueOption[] = ['format', 'profile', 'config', 'max-warnings'];
const FLAGS = ['fix', 'help', 'version'] as const;

function setValue(options: LintOptions, name: ValueOption, value: string): void {
  switch (name) {
    case 'format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`invalid --format "${value}" (expected one of ${FORMATS.join(', ')})`);
      options.format = value as Format;
      return;
    case 'profile':
      if (value === '') throw new UsageError('--profile needs a profile name');
      options.profile = value;
      return;
    case 'config':
      if (value === '') throw new UsageError('--config needs a file path');
      options.config = value;
      return;
    case 'max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`invalid --max-warnings "${value}" (expected a whole number, 0 or more)`);
      options.maxWarnings = Number(value);
      return;
  }
}

export function parseLintArgs(argv: readonly string[]): LintOptions {
  const options: LintOptions = { format: 'text', fix: false, paths: [], help: false, version: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!arg.startsWith('--') || name === '') throw new UsageError(`unknown option "${arg}"`);
    if ((FLAGS as readonly string[]).includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      if (name === 'fix') options.fix = true;
      else if (name === 'help') options.help = true;
      else options.version = true;
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown option "--${name}"`);
    if (seen.has(name)) throw new UsageError(`option --${name} given more than once`);
    seen.add(name);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`option --${name} needs a value`);
      i++;
    }
    setValue(options, name as ValueOption, value);
  }
  if (!options.help && !options.version && options.paths.length === 0) throw new UsageError('no PATH given (a file or directory to check)');
  return options;
}

import type { Format } from '../args';
import { formatGithub } from './github';
import { formatJson } from './json';
import type { Formatter } from './result';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type { FileResult, FormatContext, Formatter } from './result';
export { formatProblem } from './text';

export const FORMATTERS: Record<Format, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub };

// Hand-check aid (not a test): prints every line of the shared corpus that holds a digit or a token,
// with the tokens found on it, so a human can spot missed times and false positives.
//   node --import tsx test/engine/timeline/report.ts [file-name-prefix] > tokens.txt
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findDates, findDurations, findRelative, findTimePlaceholders, findTimes, findVague, findZones, type TimeToken,
} from '../../../server/src/engine/timeline/index';

const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const prefix = process.argv[2] ?? '';
const pad = (n: number) => String(n).padStart(2, '0');

function describeTime(t: TimeToken): string {
  const parts = [`${pad(t.hour)}:${pad(t.minute)}${t.second === undefined ? '' : `:${pad(t.second)}`}`];
  if (t.zone) parts.push(`zone=${t.zone.abbr ?? t.zone.raw}${t.zone.unknown ? '(unknown)' : ''}`);
  if (t.date) parts.push(`date=${t.date.year ?? '?'}-${t.date.month}-${t.date.day}`);
  if (t.approximate) parts.push('approx');
  if (t.invalid) parts.push(`INVALID: ${t.invalid}`);
  if (t.rangeEnd) parts.push(`→ ${describeTime(t.rangeEnd)}`);
  return `«${t.raw}» ${parts.join(' ')}`;
}

function tokensOf(line: string): string[] {
  return [
    ...findTimes(line).map((t) => `T ${describeTime(t)}`),
    ...findDates(line).map((d) => `D «${d.raw}» ${d.year ?? '?'}-${d.month}-${d.day}${d.weekday === undefined ? '' : ` wd${d.weekday}`}${d.invalid ? ` INVALID: ${d.invalid}` : ''}${d.placeholder ? ' placeholder' : ''}${d.ambiguousOrder ? ' ambiguous-order' : ''}`),
    ...findZones(line).map((z) => `Z «${z.raw}» ${z.kind} ${z.abbr ?? ''} ${z.iana ?? ''} ${z.fixedOffsetMinutes ?? ''}${z.unknown ? ' UNKNOWN' : ''}${z.ambiguous ? ' ambiguous' : ''}`),
    ...findDurations(line).map((d) => `U «${d.raw}» ${d.minutes} min${d.approximate ? ' approx' : ''}${d.bound ? ` ${d.bound}` : ''}`),
    ...findRelative(line).map((r) => `R «${r.raw}» ${r.minutes} min`),
    ...findVague(line).map((v) => `V «${v.raw}»`),
    ...findTimePlaceholders(line).map((p) => `P «${p.raw}»`),
  ];
}

for (const dir of [join(SHARED, 'corpus', 'docs'), join(SHARED, 'seeds')]) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    if (!name.startsWith(prefix)) continue;
    console.log(`##### ${name}`);
    readFileSync(join(dir, name), 'utf8').split(/\r?\n/).forEach((line, i) => {
      const found = tokensOf(line);
      if (found.length === 0 && !/\d/.test(line)) return;
      console.log(`${i + 1}: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`);
      for (const f of found) console.log(`    ${f}`);
    });
  }
}

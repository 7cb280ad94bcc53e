// The templates of "New Postmortem from Template", taken from snippets/postmortem.code-snippets
// (written once, there): a built-in profile's whole-document snippet, or for a configured profile
// the standard header followed by each of its sections' snippets. No VS Code API: unit-tested.
import { parse } from 'jsonc-parser';
import type { ProfileSummary, ProfilesResult } from '../../../common/protocol';

/** Snippet bodies by prefix ("pm-template-standard" → its text). */
export function parseSnippets(text: string): Map<string, string> {
  const json = parse(text) as Record<string, { prefix?: string | string[]; body?: string | string[] }> | undefined;
  const out = new Map<string, string>();
  for (const snippet of Object.values(json ?? {})) {
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : snippet.prefix ? [snippet.prefix] : [];
    const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
    if (body !== undefined) for (const prefix of prefixes) out.set(prefix, body);
  }
  return out;
}

/** Escapes text for a snippet placeholder or plain snippet text. */
export const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, '\\$&');

const TABSTOP = /\$(\d+)|\$\{(\d+)(?=[:|}])/g;

function maxTabstop(body: string): number {
  let max = 0;
  for (const m of body.matchAll(TABSTOP)) max = Math.max(max, Number(m[1] ?? m[2]));
  return max;
}

/** Shifts every tab stop but $0 by `by`, so snippets can be put one after another. */
function shiftTabstops(body: string, by: number): string {
  return body.replace(TABSTOP, (whole, plain: string | undefined, braced: string | undefined) => {
    const n = Number(plain ?? braced);
    if (n === 0) return whole;
    return plain !== undefined ? `$${n + by}` : `\${${n + by}`;
  });
}

const withoutFinal = (body: string) => body.replace(/\n?\$0$/, '');

/** A profile's sections after the standard template's header (title, date, authors, status, severity). */
function composeTemplate(profile: ProfileSummary, snippets: ReadonlyMap<string, string>): string {
  const standard = snippets.get('pm-template-standard') ?? '# ${1:Short incident title}';
  const lines = standard.split('\n');
  const cut = lines.findIndex((l) => l.startsWith('## '));
  const parts = [lines.slice(0, cut < 0 ? 1 : cut).join('\n').trimEnd()];
  let used = maxTabstop(parts[0] ?? '');
  for (const section of profile.sections) {
    const snippet = snippets.get(`pm-section-${section.id}`);
    let body: string;
    if (snippet) {
      const [, ...rest] = withoutFinal(snippet).split('\n');
      body = shiftTabstops([`## ${escapeSnippet(section.title)}`, ...rest].join('\n'), used);
    } else {
      body = `## ${escapeSnippet(section.title)}\n\n\${${used + 1}:${escapeSnippet(`What belongs under "${section.title}".`)}}`;
    }
    used = Math.max(used, maxTabstop(body));
    parts.push(body);
  }
  return `${parts.join('\n\n')}\n$0`;
}

/**
 * The template for a profile: its own whole-document snippet when it is built in, else one
 * composed of section snippets. With a title, the first field holds it (still selected).
 */
export function templateFor(profile: ProfileSummary, snippets: ReadonlyMap<string, string>, title?: string): string {
  const own = profile.builtin ? snippets.get(`pm-template-${profile.name}`) : undefined;
  const body = own ?? composeTemplate(profile, snippets);
  if (!title?.trim()) return body;
  return body.replace(/\$\{1:[^}]*\}/, () => `\${1:${escapeSnippet(title.trim())}}`);
}

export function slugify(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'incident';
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60).replace(/-+$/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD-<slug>.md` for the local date (the date the author sees). */
export function postmortemFileName(date: Date, title: string): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${slugify(title)}.md`;
}

/** `name.md`, then `name-2.md`, `name-3.md`… until `exists` says no. */
export async function uniqueName(name: string, exists: (candidate: string) => Promise<boolean>): Promise<string> {
  const stem = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}.md`;
    if (!(await exists(candidate))) return candidate;
  }
}

export interface TemplateItem {
  label: string;
  description: string;
  detail: string;
  profile: ProfileSummary;
}

/** Quick pick items: the profile in effect first, then the others in their order. */
export function templateItems(result: ProfilesResult): TemplateItem[] {
  const items = result.profiles.map((profile) => ({
    label: profile.name,
    description: [profile.name === result.current ? 'current' : '', profile.builtin ? 'built-in' : 'from .postmortemrc'].filter(Boolean).join(' · '),
    detail: [profile.description, profile.sections.map((s) => s.title).join(', ')].filter(Boolean).join(' — '),
    profile,
  }));
  return [...items.filter((i) => i.label === result.current), ...items.filter((i) => i.label !== result.current)];
}

// Profiles are data: which canonical sections a postmortem should have, in what order, and
// which are required. Workspaces can define their own in .postmortemrc.json.
import { CANONICAL_SECTIONS, normalizeTitle, type SectionDefinition } from './sections';

export { CANONICAL_SECTIONS, normalizeTitle };
export type { SectionDefinition };

export interface ProfileSection {
  id: string;
  title: string;
  required: boolean;
}

export interface Profile {
  name: string;
  description: string;
  /** In template order. */
  sections: ProfileSection[];
  /** Extra titles for canonical or custom section ids, from configuration. */
  synonyms?: Record<string, string[]>;
}

/** A profile as written in configuration. */
export interface ProfileConfig {
  extends?: string;
  description?: string;
  sections?: { id: string; title?: string; required?: boolean; synonyms?: string[] }[];
}

const s = (id: string, title: string, required = true): ProfileSection => ({ id, title, required });

export const BUILTIN_PROFILES: Record<string, Profile> = {
  standard: {
    name: 'standard',
    description: 'Summary, impact, timeline, root cause, resolution, action items, lessons learned.',
    sections: [
      s('summary', 'Summary'), s('impact', 'Impact', false), s('timeline', 'Timeline'),
      s('root-cause', 'Root Cause'), s('detection', 'Detection', false), s('resolution', 'Resolution'),
      s('action-items', 'Action Items'), s('lessons-learned', 'Lessons Learned', false),
    ],
  },
  'google-sre': {
    name: 'google-sre',
    description: 'The postmortem template of Google\'s SRE book.',
    sections: [
      s('summary', 'Summary'), s('impact', 'Impact'), s('root-cause', 'Root Causes'), s('trigger', 'Trigger'),
      s('resolution', 'Resolution'), s('detection', 'Detection'), s('action-items', 'Action Items'),
      s('lessons-learned', 'Lessons Learned'), s('timeline', 'Timeline'),
    ],
  },
  pagerduty: {
    name: 'pagerduty',
    description: 'PagerDuty\'s postmortem template.',
    sections: [
      s('summary', 'Overview'), s('root-cause', 'Contributing Factors'), s('resolution', 'Resolution'),
      s('impact', 'Impact'), s('timeline', 'Timeline'), s('lessons-learned', 'How\'d We Do?', false),
      s('action-items', 'Action Items'),
    ],
  },
  atlassian: {
    name: 'atlassian',
    description: 'Atlassian\'s incident postmortem template.',
    sections: [
      s('summary', 'Incident summary'), s('trigger', 'Leadup', false), s('impact', 'Impact'),
      s('detection', 'Detection'), s('resolution', 'Recovery'), s('timeline', 'Timeline'),
      s('root-cause', 'Root cause'), s('lessons-learned', 'Lessons learned', false),
      s('action-items', 'Corrective actions'),
    ],
  },
};

export const DEFAULT_PROFILE = 'standard';

/** Resolves a profile by name from configured and built-in profiles; undefined if unknown. */
export function resolveProfile(name: string, configured: Record<string, ProfileConfig> = {}, seen = new Set<string>()): Profile | undefined {
  // Own keys only: "constructor" or "__proto__" is not a profile (it resolved to an empty one).
  const own = Object.hasOwn(configured, name) ? configured[name] : undefined;
  if (!own) return Object.hasOwn(BUILTIN_PROFILES, name) ? BUILTIN_PROFILES[name] : undefined;
  if (seen.has(name)) return undefined;
  seen.add(name);
  const base = own.extends ? resolveProfile(own.extends, configured, seen) : undefined;
  if (own.extends && !base) return undefined;
  const sections = base ? base.sections.map((x) => ({ ...x })) : [];
  const synonyms: Record<string, string[]> = { ...(base?.synonyms ?? {}) };
  for (const sec of own.sections ?? []) {
    const existing = sections.find((x) => x.id === sec.id);
    const title = sec.title ?? existing?.title ?? CANONICAL_SECTIONS.find((c) => c.id === sec.id)?.title ?? sec.id;
    if (existing) Object.assign(existing, { title, required: sec.required ?? existing.required });
    else sections.push({ id: sec.id, title, required: sec.required ?? true });
    const extra = [...(sec.synonyms ?? []), ...(sec.title ? [sec.title] : [])];
    if (extra.length) synonyms[sec.id] = [...(synonyms[sec.id] ?? []), ...extra.map(normalizeTitle)];
  }
  return { name, description: own.description ?? base?.description ?? '', sections, synonyms };
}

export interface TitleMatch {
  id: string;
  /** A subsection name such as "What went well". */
  part: boolean;
  /** A name common outside postmortems too ("Overview", "Events"): no evidence on its own. */
  weak: boolean;
}

const WEAK = new Set(['summary', 'overview', 'description', 'abstract', 'synopsis', 'events', 'cause', 'causes', 'reason', 'fix', 'the fix', 'solution', 'response', 'actions', 'tasks', 'improvements', 'todo', 'to do', 'going forward', 'prevention', 'discovery', 'alerting', 'effects', 'effect', 'the effects', 'next steps', 'future work', 'recovery', 'mitigation', 'remedy', 'lessons', 'retrospective', 'reflections', 'takeaways', 'key takeaways', 'follow up', 'follow-up', 'remediation', 'fault', 'apparent reason', 'learnings', 'action plan', 'scope of impact']);

/**
 * Recognises a section title. `loose` (real headings) also accepts titles that contain a
 * section's keyword ("Detailed timeline of events"); bare lines must match a name exactly.
 */
export function matchTitle(title: string, profile: Profile, loose: boolean): TitleMatch | undefined {
  const t = normalizeTitle(title);
  if (!t || t.length > 80) return undefined;
  for (const [id, names] of Object.entries(profile.synonyms ?? {})) if (names.includes(t)) return { id, part: false, weak: false };
  for (const def of CANONICAL_SECTIONS) {
    if (def.synonyms.includes(t)) return { id: def.id, part: false, weak: WEAK.has(t) };
    if (def.parts?.includes(t)) return { id: def.id, part: true, weak: false };
  }
  const stripped = t.replace(/^(?:the|our|incident|outage)\s+/, '');
  if (stripped !== t) return matchTitle(stripped, profile, loose);
  if (!loose) return undefined;
  for (const def of CANONICAL_SECTIONS) {
    const keyword = def.keywords?.find((k) => t.includes(k));
    if (keyword) return { id: def.id, part: false, weak: WEAK.has(keyword) };
  }
  return undefined;
}

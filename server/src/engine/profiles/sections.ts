// Canonical sections and the titles people give them. Titles are compared after
// `normalizeTitle`. `parts` are names of subsections of a canonical section ("What went
// well" is part of lessons learned): they count as the section but never as a duplicate.
import { StringMemo } from '../cache';

export interface SectionDefinition {
  id: string;
  title: string;
  synonyms: string[];
  parts?: string[];
  /** Keywords that make a real heading (not a bare line) this section, e.g. "Detailed timeline of events". */
  keywords?: string[];
  /**
   * Scaffold inserted by the "add section" and "fill section" fixes, below the heading. Written as
   * template instructions so placeholder-text and empty-section keep reporting it until it is replaced.
   */
  scaffold: string;
}

export const CANONICAL_SECTIONS: SectionDefinition[] = [
  {
    id: 'summary', title: 'Summary',
    synonyms: ['summary', 'issue summary', 'incident summary', 'executive summary', 'overview', 'incident overview', 'tl;dr', 'tldr', 'synopsis', 'abstract', 'incident description', 'description', 'background and summary', 'summary of the incident', 'summary of incident', 'incident report summary', 'brief summary', 'summary of issues', 'summary of the issue', 'summary of events', 'incident overview and impact'],
    parts: ['what happened', 'what happened and why'],
    keywords: ['summary', 'overview'],
    scaffold: '_Summarize what happened, when, for how long, who was affected and how it ended._',
  },
  {
    id: 'impact', title: 'Impact',
    synonyms: ['impact', 'user impact', 'customer impact', 'business impact', 'severity and impact', 'severity & impact', 'impact assessment', 'effects', 'the effects', 'effect', 'blast radius', 'scope and impact', 'scope of impact', 'who was affected', 'impact and severity'],
    keywords: ['impact'],
    scaffold: '_Describe who and what was affected, and how badly._',
  },
  {
    id: 'timeline', title: 'Timeline',
    synonyms: ['timeline', 'incident timeline', 'timeline of events', 'events', 'key events', 'chronology', 'sequence of events', 'detailed timeline', 'events/timeline', 'events timeline', 'timeline of the incident', 'incident chronology', 'timeline of incident', 'event timeline', 'time line'],
    keywords: ['timeline', 'chronology', 'sequence of events', 'key events'],
    scaffold: '- HH:MM UTC: Event',
  },
  {
    id: 'root-cause', title: 'Root Cause',
    synonyms: ['root cause', 'root causes', 'root cause analysis', 'rca', 'cause', 'causes', 'the cause', 'underlying cause', 'underlying causes', 'precursors', 'why it happened', 'what caused it', 'what went wrong technically', 'root cause and trigger', 'five whys', '5 whys', 'cause analysis', 'technical cause', 'fault', 'why did it happen', 'why did this happen', 'root cause of the outage', 'root cause of the incident', 'main cause', 'primary cause'],
    parts: ['contributing factors', 'contributing factor', 'diagnosis', 'details of vulnerability', 'details of the vulnerability', 'details of exploit', 'details of the exploit', 'details of incident', 'details of the incident', 'apparent reason'],
    keywords: ['root cause', 'contributing factor'],
    scaffold: '_Explain the underlying cause and the contributing factors._',
  },
  {
    id: 'trigger', title: 'Trigger',
    synonyms: ['trigger', 'triggers', 'triggering event', 'leadup', 'lead-up', 'lead up', 'what triggered it'],
    scaffold: '_Describe the change or event that set the incident off._',
  },
  {
    id: 'detection', title: 'Detection',
    synonyms: ['detection', 'how it was detected', 'how was it detected', 'how we found out', 'discovery', 'alerting', 'detection and alerting', 'monitoring and detection'],
    scaffold: '_Describe how and when the problem was noticed._',
  },
  {
    id: 'resolution', title: 'Resolution',
    synonyms: ['resolution', 'resolution and recovery', 'resolution & recovery', 'recovery', 'mitigation', 'mitigation and resolution', 'resolution and mitigation', 'response and recovery', 'response', 'incident response', 'fix', 'the fix', 'resolutions', 'short term fix', 'short-term fix', 'how it was fixed', 'solution', 'remedy', 'recovery and resolution', 'resolution steps', 'immediate fix', 'remediation and recovery', 'immediate resolution', 'details of fix', 'details of the fix', 'details of mitigation', 'what was the fix', 'what is the fix', 'how we fixed it', 'recovery steps'],
    parts: ['how was the fix deployed', 'how the fix was deployed', 'workaround'],
    keywords: ['resolution', 'recovery'],
    scaffold: '_Describe what was done to mitigate and resolve the incident._',
  },
  {
    id: 'action-items', title: 'Action Items',
    synonyms: ['action items', 'action item', 'corrective and preventive measures', 'corrective and preventative measures', 'corrective & preventive measures', 'corrective & preventative measures', 'preventive and corrective measures', 'corrective and preventive actions', 'corrective and preventative actions', 'corrective actions', 'corrective measures', 'preventive measures', 'preventative measures', 'preventive actions', 'preventative actions', 'prevention', 'follow-ups', 'follow ups', 'followups', 'follow-up actions', 'follow-up items', 'remediation', 'remediations', 'remediation items', 'remediation steps', 'next steps', 'action plan', 'actions', 'long term solution', 'long-term solution', 'long term fix', 'long-term fix', 'future work', 'what we are doing about it', "what we're doing about it", 'mitigation steps going forward', 'review actions', 'corrective and preventing measures', 'how are we preventing it from happening again', 'how we will prevent this from happening again', 'preventing recurrence', 'prevention measures', 'future prevention', 'prevention of recurrence', 'preventative and corrective measures', 'corrective action items', 'preventive steps', 'preventative steps', 'going forward', 'next actions', 'action points'],
    // A lone "Follow-up" section is as often a follow-up meeting as a list of actions.
    parts: ['follow-up', 'follow up', 'improvements', 'improvement', 'improvements/fixes', 'improvements and fixes', 'fixes and improvements', 'tasks', 'list of tasks', 'a list of tasks to address the issue', 'tasks to address the issue', 'immediate actions', 'short-term improvements', 'long-term improvements', 'medium-term improvements', 'short-term', 'long-term'],
    keywords: ['action item', 'corrective', 'preventive', 'preventative', 'remediation', 'preventing'],
    scaffold: '| Action | Owner | Due |\n|---|---|---|\n| Describe the action | @owner | YYYY-MM-DD |',
  },
  {
    id: 'lessons-learned', title: 'Lessons Learned',
    synonyms: ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'key learnings', 'takeaways', 'key takeaways', 'retrospective', 'reflections', "how'd we do", 'how did we do', 'what we learned', 'what we learnt', 'lesson learned', 'lessons learned and next steps'],
    parts: ['what went well', 'what went wrong', 'what went poorly', 'what went badly', 'what went right', 'what did not go so well', 'potential learnings', "what didn't go so well", 'what did not go well', "what didn't go well", 'where we got lucky', 'things that went well', 'things that went wrong', 'what could have gone better', 'what could be improved'],
    keywords: ['lessons learned', 'lessons learnt', 'learnings'],
    scaffold: '_List what went well, what went wrong and where we got lucky._',
  },
];

const NUMBERING = /^(?:(?:\d+|[ivxlc]+|[a-z])[.)]\s+|\d+(?:\.\d+)*\s+|step\s+\d+\s*[:.-]\s*|0x[0-9a-f]+\.?\s+)/i;
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]|:[a-z0-9_+-]{2,40}:/gu;

/**
 * Reduces a title to the words that name it: lower case, no markup, numbering, emoji,
 * parenthetical qualifiers ("Timeline (all times UTC)") or trailing punctuation.
 */
export function normalizeTitle(title: string): string {
  return NORMALIZED.get(title);
}

// Memoised (issue 7): every candidate title line is normalised on every analysis.
const NORMALIZED = new StringMemo(normalizeUncached, 20_000);

function normalizeUncached(title: string): string {
  let t = title.replace(EMOJI, '').replace(/[*_`#>]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  t = t.replace(NUMBERING, '');
  t = t.replace(/\s*[([{].*$/, '');
  t = t.replace(/\s*(?::|[–—]|\s-\s).*$/, '');
  t = t.replace(/[\s:.!?;,]+$/, '');
  return t.replace(/’/g, "'").trim();
}

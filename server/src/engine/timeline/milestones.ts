// Gives each entry a milestone kind from explicit markers, a field label ("Resolution:",
// "First detected") or its words. Failed attempts ("rollback failed") are not milestones: the
// outage is not mitigated by them. Closing bookkeeping ("incident closed", "confirmed stable")
// is not the end of the outage.
import type { MilestoneKind } from './model';

export type KindConfidence = 'marked' | 'phrase' | 'hint';

export interface Classification {
  kind: MilestoneKind;
  marked: boolean;
  /** marked: an explicit marker; phrase: an unambiguous phrase or field label; hint: suggestive words. */
  confidence?: KindConfidence;
}

const MARKERS: [RegExp, MilestoneKind][] = [
  [/<\s*start of (?:the )?(?:outage|incident|impact)\s*>|\((?:outage|incident|impact) (?:begins|starts|start|started)\)|\[(?:outage |impact )?start\]|\bOUTAGE BEGINS\b/i, 'start'],
  [/<\s*end of (?:the )?(?:outage|incident|impact)\s*>|\((?:outage|incident|impact) (?:ends|end|over|ended)\)|\((?:resolved|recovered|restored)\)|\[(?:outage |impact )?end\]|\bOUTAGE ENDS\b/i, 'resolve'],
  [/\((?:detected|detection)\)|<\s*detected\s*>/i, 'detect'],
  [/\((?:mitigated|mitigation)\)|<\s*mitigated\s*>|\bOUTAGE MITIGATED\b/i, 'mitigate'],
];

/** A field label at the start of the entry ("Resolution:", "Issue Detected", "Repaired"). */
const LABELS: [RegExp, MilestoneKind][] = [
  [/^(?:fault occurs|(?:outage|incident|impact|problem) (?:start(?:s|ed)?|begins?|began)|start of (?:the )?(?:outage|incident|impact)|impact start)\b/i, 'start'],
  [/^(?:resolution|resolved|recovery|recovered|restored|outage end(?:s|ed)?|end of (?:the )?(?:outage|impact))\b/i, 'resolve'],
  [/^(?:repaired|repair|mitigat(?:ed|ion)|workaround)\b/i, 'mitigate'],
  [/^(?:escalat(?:ed|ion)|incident declared|declared)\b/i, 'escalate'],
  [/^(?:(?:issue|incident|problem|outage) )?(?:first )?(?:detect(?:ed|ion)|discovered|noticed|reported)\b/i, 'detect'],
];

/** Someone telling the team: detection, even when the words describe an outage ("a complaint that the site was down"). */
const REPORTED = /^\W*(?:the )?(?:outage|issue|incident|problem|errors?) (?:is|was|were) (?:first )?reported\b|^\W*(?:(?:we|the team|on-?call|support)\s+)?(?:received|got|gets)\s+(?:a|an|the|several|multiple|first)?\s*(?:complaints?|reports?|alerts?|pages?|tickets?|calls?)\b|^\W*(?:the )?(?:first )?(?:customers?|users?|clients?)\s+(?:report|complain)\w*|^\W*(?:monitoring|an?|the)\s+(?:\w+\s+){0,2}alerts?\s+(?:notif\w*|fired|triggered|sent|received)/i;

const STRONG: [RegExp, MilestoneKind][] = [
  [/\b(?:outage|incident|interruption|downtime|disruption|breakdown|degradation|service outage|impact)\s+(?:begins?|began|starts?|started|starting|commences?|commenced|occurs?|occurred)\b|\b(?:start|beginning|onset) of (?:the )?(?:outage|incident|impact|downtime|interruption)\b|\bfault occurs\b|\bimpact start|\b(?:site|service|website|web ?site|api|server|app|application|platform|system|chain|network)s?\b[^.;]{0,20}\b(?:went|goes|is|was|became|becomes)\s+(?:hard |completely |fully |totally )?(?:down|offline|unavailable|unreachable|inaccessible|not accessible|not reachable|not available)\b|\b(?:went|goes) (?:down|offline)\b|\boutage (?:detected|observed)\b/i, 'start'],
  [/\b(?:back online|back up and running|back to normal|returned (?:back )?to normal|fully (?:operational|restored|recovered|functional|online|resolved|available)|(?:100\s?%|all)\b[^.;]{0,30}\b(?:back online|back up|restored|recovered)|(?:service|services|site|website|web ?site|traffic|access|system|systems|app|application|api|platform|everything|operations?|functionality|performance)\b[^.;]{0,40}\b(?:restored|recovered|resumed|back online)|(?:full )?service restoration|outage (?:ends|ended|over|resolved)|(?:issue|incident|problem|outage|error|bug)\s+(?:(?:is|was|has been|had been|been|declared|marked)\s+)?(?:fully |now |successfully )?(?:resolved?|solved)|(?:is|was|were|been|declared|marked) (?:fully )?(?:resolved|solved)|resolution (?:is |was |has been )?confirmed|up and running|(?:is|was|are|were) (?:now )?working (?:properly|normally|again|as expected)|(?:page|site|website|service|app) is (?:now )?working|operational again|once again (?:merging|working|operational|available|serving)|resumed normal operations?|restored? normal service|(?:is|are|was|were) now (?:displayed|working|loading|serving|served|responding) ?(?:correctly|properly|normally|as expected)?|(?:starts?|started|is|was) moving again|(?:created|produced) again|(?:reports?|complaints?|errors?)\b[^.;]{0,40}\bsubsided|all clear)\b/i, 'resolve'],
  [/\b(?:incident declared|declared (?:an? )?(?:incident|sev\w*|major incident)|major incident (?:was |is )?declared|incident (?:was |is )?declared)\b/i, 'escalate'],
];

const HINTS: [RegExp, MilestoneKind][] = [
  [/\b(?:errors?|failures?|crash(?:es)?)\b[^.;]{0,25}\b(?:begins?|began|starts?|started|starting)\b|\b(?:begins?|began|starts?|started) (?:experiencing|seeing|showing|returning|throwing|dropping)\b|\b(?:started|began|begins?|start) (?:crash ?looping|failing|returning|throwing|erroring)\b|\b(?:chain|network|blockchain|block production)\b[^.;]{0,15}\b(?:stall(?:s|ed)?|halt(?:s|ed)?)\b|\bdrop\b[^.;]{0,25}\bavailability\b|\bnot (?:accessible|reachable|available|responding)\b|\bstopped (?:working|responding|serving)\b|\b(?:site|service|server)s? (?:became|becomes|went) (?:unavailable|unreachable|unresponsive)\b/i, 'start'],
  [/^\W*(?:resolved|recovered|restored)\b|\b(?:recovered|restored)\b/i, 'resolve'],
  [/\b(?:mitigat\w*|workaround|rolled back|rolls? back|roll(?:ed)?[- ]?back (?:complete|completed|succeeded|successful)|rollback (?:complete|completed|succeeded|initiated and completed)|successful(?:ly)? (?:\w+ ){0,3}(?:rollback|roll back|rolled back|revert(?:ed)?)|revert(?:ed)?|fail(?:ed)? ?over to|traffic (?:shifted|drained|redirected)|repaired|partially (?:operational|restored|recovered)|restart(?:s|ed)? (?:begin|began|complete)|server restarts begin|hotfix (?:deployed|applied)|fix(?:es|ed)? (?:deployed|applied|rolled out|committed)|(?:deploys?|deployed) (?:a |the )?fix(?:ed)?|fix(?:es|ed)? (?:the )?(?:config|configuration|bug|issue|typo|file|error)|corrected)\b/i, 'mitigate'],
  [/\b(?:escalat\w*|war ?room|bridge (?:opened|started)|incident (?:channel|call) (?:opened|started|created)|paged (?:the )?(?:secondary|manager|incident commander|ic)\b|sev[- ]?\d\b[^.;]{0,20}(?:raised|declared|opened))/i, 'escalate'],
  [/\b(?:alert(?:ed|s|ing)?(?: fired| triggered| sent)?|pager(?:s|duty)?\b[^.;]{0,20}(?:alert\w*|fired|triggered|went off)|paged|detected|discovered|discovers|noticed|notices|observed?|spotted|first (?:report|reported|alert|noticed|complaint)|(?:customers?|users?)\s+(?:report|complain)\w*|reported (?:by|on|via|to)|(?:is|was|were) reported|reports? of|complain\w*|(?:raised|opened) (?:a |two |several |multiple )?(?:support )?(?:requests?|tickets?|cases?)|team (?:was |is |became )?aware|became aware|identified (?:the |an |a )?(?:issue|problem|outage|incident)|monitoring (?:fired|triggered|alerted|showed|detected)|on-?call (?:engineer )?(?:paged|notified|alerted))\b/i, 'detect'],
];

const FAILED = /\b(?:fail(?:ed|s|ure)?|unsuccessful(?:ly)?|did not|didn't|does not|doesn't|not (?:fully|yet|completely)|still (?:down|failing|broken|unavailable|occurring)|persist(?:s|ed)?|attempt(?:ed|s|ing)?(?: to)?|tried|trying to (?:restore|fix|roll|revert|recover)|no (?:improvement|effect))\b/i;
const SUCCESS = /\bsuccess/i;
/** Bookkeeping after the end: closing the ticket, watching, telling people. */
const CLOSURE = /\b(?:incident (?:closed|formally closed)|closed|confirmed (?:stable|healthy)|monitor(?:ed|ing)? for|post-?mortem|status page|notif(?:y|ied)|mail(?:ing list)?|announce\w*|communicat\w*)\b/i;

function vetoed(kind: MilestoneKind, text: string): boolean {
  if (kind !== 'mitigate' && kind !== 'resolve') return false;
  if (FAILED.test(text) && !SUCCESS.test(text)) return true;
  return kind === 'resolve' && CLOSURE.test(text) && !/\b(?:restored|back online|recovered|fully|resolution)\b/i.test(text);
}

/** The field label an entry starts with: its own `label`, or "Resolution:" at the start of its text. */
function labelOf(text: string, label: string | undefined): string | undefined {
  if (label) return label;
  const m = /^\W{0,3}([A-Za-z][A-Za-z ]{1,30}?)\s*:/.exec(text);
  return m?.[1];
}

export function classify(text: string, label?: string): Classification {
  for (const [re, kind] of MARKERS) if (re.test(text)) return { kind, marked: true, confidence: 'marked' };
  const l = labelOf(text, label);
  if (l) for (const [re, kind] of LABELS) if (re.test(l)) return { kind, marked: false, confidence: 'phrase' };
  if (REPORTED.test(text)) return { kind: 'detect', marked: false, confidence: 'phrase' };
  for (const [re, kind] of STRONG) {
    if (re.test(text) && !vetoed(kind, text)) return { kind, marked: false, confidence: 'phrase' };
  }
  for (const [re, kind] of HINTS) {
    if (re.test(text) && !vetoed(kind, text)) return { kind, marked: false, confidence: 'hint' };
  }
  return { kind: 'other', marked: false };
}

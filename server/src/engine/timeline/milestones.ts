// Gives each entry a milestone kind from explicit markers or from its words. Failed attempts
// ("rollback failed") are not milestones: the outage is not mitigated by them.
import type { MilestoneKind } from './model';

const MARKERS: [RegExp, MilestoneKind][] = [
  [/<\s*start of (?:the )?(?:outage|incident|impact)\s*>|\((?:outage|incident|impact) (?:begins|starts|start)\)|\[(?:outage |impact )?start\]/i, 'start'],
  [/<\s*end of (?:the )?(?:outage|incident|impact)\s*>|\((?:outage|incident|impact) (?:ends|end|over)\)|\[(?:outage |impact )?end\]/i, 'resolve'],
  [/\((?:detected|detection)\)|<\s*detected\s*>/i, 'detect'],
  [/\((?:mitigated|mitigation)\)|<\s*mitigated\s*>/i, 'mitigate'],
];

const FAILED = /\b(?:fail(?:ed|s|ure)?|unsuccessful(?:ly)?|attempt(?:ed|s)?|tried|trying|did not|didn't|does not|doesn't|not (?:fully|yet)|investigat\w*|still)\b/i;

const WORDS: [RegExp, MilestoneKind][] = [
  [/\b(?:outage|incident|interruption|downtime|disruption|impact|degradation|errors?|failures?|service outage)\b[^.;]{0,25}\b(?:begins?|began|starts?|started|starting|commences?|occurs?|occurred)\b|\b(?:start|beginning|onset) of (?:the )?(?:outage|incident|impact|errors?|downtime)\b|\b(?:went|goes|is) (?:down|offline)\b|\bfault occurs\b|\bimpact start|\b(?:site|service|website|api|server)s? (?:became|becomes|went) (?:unavailable|unreachable|unresponsive)\b/i, 'start'],
  [/\b(?:100\s?%|fully|completely)\b[^.;]{0,30}\b(?:back|online|operational|restored|recovered|available)\b|\b(?:back online|back to normal|fully operational|fully restored|fully recovered|service restored|services restored|traffic restored|all clear|normal operations?|incident (?:resolved|closed)|outage (?:ends|ended|over|resolved)|(?:is|was|marked|declared) resolved|resolution confirmed|confirmed (?:healthy|resolved|stable)|recovered|resolved)\b/i, 'resolve'],
  [/\b(?:mitigat\w*|workaround|rolled back|roll(?:ed)?[- ]?back (?:complete|completed|succeeded|successful)|successful(?:ly)? (?:\w+ ){0,3}(?:rollback|roll back|rolled back|revert(?:ed)?)|revert(?:ed)?|fail(?:ed)? ?over to|traffic (?:shifted|drained|redirected)|repaired|partially (?:operational|restored|recovered)|restart(?:s|ed)? (?:begin|began|complete)|server restarts begin|hotfix (?:deployed|applied)|fix (?:deployed|applied|rolled out))\b/i, 'mitigate'],
  [/\b(?:escalat\w*|incident declared|declared (?:an? )?(?:incident|sev\w*|major incident)|sev[- ]?\d\b[^.;]{0,20}(?:raised|declared|opened)|war ?room|bridge (?:opened|started)|incident (?:channel|call) (?:opened|started|created)|paged (?:the )?(?:secondary|manager|incident commander|ic)\b)/i, 'escalate'],
  [/\b(?:alert(?:ed|s|ing)?(?: fired| triggered)?|pager(?:s|duty)?\b[^.;]{0,20}(?:alert\w*|fired|triggered|went off)|paged|detected|discovered|noticed|observed|spotted|first (?:report|reported|alert|noticed)|(?:customers?|users?)\s+report\w*|reported by|team (?:was |is |became )?aware|became aware|identified (?:the |an |a )?(?:issue|problem|outage|incident)|monitoring (?:fired|triggered|alerted|showed|detected)|on-?call (?:engineer )?(?:paged|notified|alerted))\b/i, 'detect'],
];

export function classify(text: string): { kind: MilestoneKind; marked: boolean } {
  for (const [re, kind] of MARKERS) if (re.test(text)) return { kind, marked: true };
  for (const [re, kind] of WORDS) {
    if (!re.test(text)) continue;
    if ((kind === 'mitigate' || kind === 'resolve') && FAILED.test(text) && !/\bsuccess/i.test(text)) continue;
    return { kind, marked: false };
  }
  return { kind: 'other', marked: false };
}

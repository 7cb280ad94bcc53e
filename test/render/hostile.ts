import { timelineView, type TimelineView } from '../../server/src/render';
import { makeTimeline, problem, type EntrySpec } from './fixtures';

// A postmortem written to break out of every context the renderer writes into: HTML text and
// attributes, <style>, <svg>, CDATA, Mermaid syntax and directives, javascript: links.
export const PAYLOADS = [
  '<script>window.__pwned = "script"; console.log("pwned")</script>',
  '<img src=x onerror="window.__pwned = \'img\'; alert(1)">',
  '<svg onload="window.__pwned = \'svg\'">',
  '</style><script>window.__pwned = "style"</script>',
  '</svg><script>window.__pwned = "svg-end"</script>',
  ']]><script>window.__pwned = "cdata"</script>',
  '"><script>window.__pwned = "attr"</script>',
  "'><img src=x onerror=window.__pwned='attr2'>",
  '[click me](javascript:window.__pwned="link")',
  '<a href="javascript:window.__pwned=\'a\'">link</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '%%{init: {"securityLevel": "loose"}}%% click e1 href "javascript:alert(1)"',
  '&lt;script&gt; &amp; &#x3C;b&#x3E; ${constructor} {{7*7}}',
  'line\u2028separator\u0000nul\u0007bell \uD800 lone surrogate',
];

/**
 * A hand-made view whose every text (entries, problems, file name) is a payload: the parser
 * strips tags from entry text, so this is what proves the renderer itself escapes.
 */
export function hostileView(): TimelineView {
  const specs: EntrySpec[] = PAYLOADS.map((text, i) => ({
    at: `2020-09-30 ${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`,
    text, kind: i === 1 ? 'start' : i === 4 ? 'detect' : i === 10 ? 'resolve' : 'other', until: i === 7 ? '2020-09-30 10:00' : undefined,
  }));
  specs.push({ text: PAYLOADS[0]!, vague: '<b onmouseover=alert(1)>late</b>' }, { text: PAYLOADS[3]!, placeholder: '</style>' });
  const timeline = makeTimeline(specs);
  const problems = PAYLOADS.map((message, i) => problem(10 + i, message, i % 2 ? 'timeline-order' : '"><script>', i % 3 ? 'warning' : 'error'));
  return timelineView(timeline, problems, { filePath: 'postmortems/<img src=x onerror=alert(1)>".md' });
}

/** A markdown postmortem whose timeline entries, file name and prose carry the payloads. */
export function hostilePostmortem(): string {
  const entries = PAYLOADS.map((p, i) => `- ${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')} PDT ${i === 1 ? 'outage begins ' : i === 4 ? 'alert fired ' : i === 10 ? 'service restored ' : ''}${p}`);
  return `# Postmortem: <script>window.__pwned="title"</script>

## Summary

On 2020-09-30 the checkout was down. <img src=x onerror=alert(1)>

## Timeline (all times PDT, 2020-09-30)

${entries.join('\n')}
- late in the day <script>window.__pwned="vague"</script>
- HH:mm </style><b onmouseover=alert(1)>placeholder</b>

## Root cause

A bad config.

## Resolution

Rolled back.

## Action items

- Add a check (owner: @sam)
`;
}

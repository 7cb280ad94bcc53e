// Generates realistic postmortems of a given size for the benchmark: front matter, a summary
// with a stated window and duration, impact prose with HTML bits (<details>, <br>, <img>), a
// long multi-day timeline (tables and bullet lists under one `###` heading per day, as long
// war-room logs are written), investigation notes with log excerpts in fenced code, a
// root-cause section, an action-item table and lessons learned. Deterministic for a seed.
//
// Usage: node bench/generate.mjs SIZE_KB [SEED] > file.md
import { pathToFileURL } from 'node:url';

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout-api', 'payments-gateway', 'auth-service', 'search-indexer', 'orders-db', 'edge-proxy', 'notification-worker', 'inventory-cache'];
const PEOPLE = ['@alice', '@bob', '@chen', '@dana', '@emeka', '@farah', '@gita', '@hugo'];
const ACTIONS = [
  'Alert fired for elevated 5xx rate on {s}',
  'On-call engineer {p} acknowledged the page',
  'Incident declared SEV2, bridge opened',
  'Rolled back {s} to the previous release',
  'Error rate on {s} back to baseline',
  'Customer support reports failed checkouts',
  'Scaled {s} from 12 to 24 replicas',
  'Identified connection pool exhaustion on {s}',
  'Status page updated with incident details',
  'Mitigation applied: traffic shifted away from us-east-1',
  'Database failover to replica completed',
  'Latency p99 on {s} exceeded 4s',
  'Escalated to the database team ({p})',
  'Deploy of build {n} to {s} started',
  'Monitoring confirms recovery of {s}',
  'Cache hit ratio dropped to 12% on {s}',
];
const PROSE = [
  'The {s} team noticed the problem at {t} when dashboards showed a sharp rise in timeouts.',
  'Requests to {s} queued behind a single slow query, and the load balancer started to shed traffic.',
  'We believe the retry storm began shortly after {t}, amplified by clients without backoff.',
  'Engineers on the bridge compared the deploy diff with the alerts and suspected the new pool size.',
  'At {t} the mitigation reduced errors by half, but latency stayed high until the cache warmed up.',
  'This is the third incident this quarter involving {s}; the previous two were resolved within 30 minutes.',
  'Most users saw a spinner and then an error page; some were charged twice and were refunded later.',
  'The runbook step to drain the node was out of date and pointed at a dashboard that no longer exists.',
];

const pad = (n) => String(n).padStart(2, '0');
const pick = (r, list) => list[Math.floor(r() * list.length)];
const fill = (r, s, t) => s.replace('{s}', pick(r, SERVICES)).replace('{p}', pick(r, PEOPLE)).replace('{n}', String(4000 + Math.floor(r() * 999))).replace('{t}', t);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayTitle(day) {
  const d = new Date(Date.UTC(2024, 2, 11 + day));
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

function isoDay(day) {
  return new Date(Date.UTC(2024, 2, 11 + day)).toISOString().slice(0, 10);
}

function timelineDay(r, day, rows) {
  const out = [`### ${dayTitle(day)}`, ''];
  let minutes = 8 * 60 + Math.floor(r() * 60);
  const step = Math.max(1, Math.floor((14 * 60) / rows));
  const asTable = day % 2 === 0;
  if (asTable) out.push('| Time (UTC) | Event | Owner |', '|---|---|---|');
  for (let i = 0; i < rows; i++) {
    minutes += 1 + Math.floor(r() * step);
    if (minutes >= 24 * 60) minutes = 23 * 60 + 59;
    const t = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    const event = fill(r, pick(r, ACTIONS), t);
    if (asTable) out.push(`| ${isoDay(day)} ${t} | ${event} | ${pick(r, PEOPLE)} |`);
    else out.push(`- **${t} UTC** - ${event}${r() < 0.1 ? '<br>see the graph below' : ''}`);
  }
  out.push('');
  return out;
}

function notes(r, n) {
  const out = [`### Investigation note ${n + 1}`, ''];
  const t = `${pad(9 + Math.floor(r() * 8))}:${pad(Math.floor(r() * 60))}`;
  out.push(Array.from({ length: 3 + Math.floor(r() * 3) }, () => fill(r, pick(r, PROSE), `${t} UTC`)).join(' '), '');
  if (r() < 0.5) {
    out.push('```text');
    for (let i = 0; i < 6; i++) out.push(`2024-03-11T${t}:${pad(i * 7)}Z ERROR ${pick(r, SERVICES)} pool exhausted (active=200 idle=0 waiting=${100 + i * 31})`);
    out.push('```', '');
  }
  if (r() < 0.3) out.push('<details><summary>Raw metrics</summary>', '', `<img src="graphs/${n}.png" alt="latency graph" width="600">`, '', '</details>', '');
  return out;
}

/** A postmortem of about `sizeKb` kilobytes (UTF-8), the same text for the same seed. */
export function generatePostmortem(sizeKb, seed = 1) {
  const r = rng(seed);
  const target = sizeKb * 1024;
  const head = [
    '---', 'type: postmortem', 'severity: SEV2', 'date: 2024-03-11', '---', '',
    '# Postmortem: checkout degradation across regions', '',
    '## Summary', '',
    'From 08:12 to 19:40 UTC on March 11, 2024 checkout requests failed intermittently. The incident lasted 11 hours 28 minutes and was resolved by rolling back the connection pool change and failing over the orders database. TBD: final customer count.', '',
    '## Impact', '',
    'About 18% of checkout attempts failed at the peak.<br>Mobile clients retried aggressively, which <b>doubled</b> the load on the gateway.', '',
    '- Orders lost: ~1,200 (refunded)', '- Support tickets: 340', '- Time to detect: 3 minutes', '',
    '<details><summary>Affected regions</summary>', '', '| Region | Error rate |', '|---|---|', '| us-east-1 | 22% |', '| eu-west-1 | 9% |', '', '</details>', '',
    '## Timeline (all times UTC)', '',
  ];
  const tail = [
    '## Root Cause', '',
    'A change to the connection pool size of checkout-api (build 4812) was deployed at 08:09 UTC. Under the morning peak the pool exhausted, and retries without backoff amplified the load on the orders database until it failed over at 10:30.', '',
    '## Resolution', '',
    'We rolled back build 4812 at 18:55 and failed the orders database over to a healthy replica. Error rates returned to baseline at 19:40 UTC.', '',
    '## Action Items', '',
    '| Action | Owner | Due |', '|---|---|---|',
    '| Add backoff to mobile client retries | @alice | 2024-04-01 |',
    '| Alert on connection pool saturation | @bob | 2024-03-25 |',
    '| Update the drain-node runbook | | 2024-03-30 |',
    '| Load test pool size changes before deploy | @chen | 2024-04-15 |', '',
    '## Lessons Learned', '',
    '### What went well', '', '- Detection took 3 minutes.', '- The rollback was quick once decided.', '',
    '### What went wrong', '', '- The pool change was not load tested.', '- The runbook was out of date.', '',
  ];
  const size = (lines) => Buffer.byteLength(lines.join('\n'), 'utf8');
  const fixed = size(head) + size(tail);
  // Budget: about 60% timeline days (40–80 rows each), 40% investigation notes appendix.
  const timeline = [];
  const appendix = ['## Appendix: investigation notes', ''];
  let day = 0;
  let note = 0;
  let used = fixed;
  while (used < target) {
    const block = r() < 0.6 ? timelineDay(r, day++, 40 + Math.floor(r() * 40)) : notes(r, note++);
    (block[0].startsWith('### Investigation') ? appendix : timeline).push(...block);
    used += size(block) + 1;
  }
  if (day === 0) timeline.push(...timelineDay(r, 0, 20));
  return [...head, ...timeline, ...tail, ...(note > 0 ? appendix : [])].join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kb = Number(process.argv[2] ?? 200);
  process.stdout.write(generatePostmortem(kb, Number(process.argv[3] ?? 1)));
}

// Loaded before the server (servers/throwing-rule-server.ts): adds to the real rules one that
// throws on any document containing "BOOM", the way a rule with a bug would.
import { ALL_RULES, type Rule } from '../../../server/src/engine';

const boom: Rule = {
  id: 'boom', description: 'throws on BOOM', defaultSeverity: 'error', tags: [], fixable: false,
  check: (ctx) => {
    if (ctx.doc.text.includes('BOOM')) throw new Error('kaboom');
  },
};
(ALL_RULES as Rule[]).splice(2, 0, boom);

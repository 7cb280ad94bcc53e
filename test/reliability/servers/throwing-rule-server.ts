// The Node server (server/src/node/main.ts) with one extra rule that throws: bundled by
// test/reliability/rule-error.test.ts, so the isolation is checked over stdio end to end.
import './throwing-rule';
import '../../../server/src/node/main';

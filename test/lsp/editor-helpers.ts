// Shared by the hover, inlay hint, code lens and completion tests: the fixtures of
// fixtures/editor/ opened on a real server, and positions found by text.
import { readFileSync } from 'node:fs';
import { FIXTURES, fileUri, type TestClient } from './harness';

export const EDITOR_FIXTURES = `${FIXTURES}editor/`;

export function fixture(name: string): string {
  return readFileSync(`${EDITOR_FIXTURES}${name}`, 'utf8');
}

/** The seed-like fixture moved to mid-January: Pacific time is then PST (-08:00). */
export const winter = (text: string) => text.replace('On September 30, 2020', 'On January 15, 2021');

let counter = 0;

/** Opens text under postmortems/ (so it is always analysed) and waits for its first analysis. */
export async function openDoc(client: TestClient, text: string, name = 'doc'): Promise<string> {
  const uri = fileUri(`/tmp/pm-editor/postmortems/${name}-${++counter}.md`);
  await client.open(uri, text);
  await client.published(uri);
  return uri;
}

/** The position of the `nth` occurrence of `needle` (0-based line and column). */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const character = (lines[line] ?? '').indexOf(needle, from);
      if (character < 0) break;
      if (seen++ === nth) return { line, character };
      from = character + 1;
    }
  }
  throw new Error(`"${needle}" #${nth} is not in the text`);
}

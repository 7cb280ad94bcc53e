// Turns micromark's events straight into blocks (issue 7). remark-parse is micromark plus
// mdast-util-from-markdown; building the mdast tree (a node and a position object per event, a
// copy of the compile context per handler call) was about a third of the parse of a large
// postmortem, and the blocks need only lines, plain text and a few flags. This reads the same
// events in one pass and gives exactly the blocks the engine used to make from remark's tree (the
// reference the tests compare against: test/engine/parse/mdast-blocks.ts and events.test.ts).
// Where mdast has a rule of its own, it is followed and named: which line endings are text
// (canContainEols), the task-list check's space, the end of a list item (prepareList), `\|` in
// code in a table, the value of fenced code and front matter.
import type { Event, Token } from 'micromark-util-types';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeEntities } from '../text';
import type { Block } from './block';
import { htmlBlocks, htmlText, type HtmlState } from './html';

/** A block container: the document, a blockquote, or a list with its open item. */
interface Container {
  list: boolean;
  /** The depth blocks inside it are read at (test/engine/parse/mdast-blocks.ts's `depth`). */
  depth: number;
  /** Lists: the depth of their items (their children are one deeper). */
  itemDepth: number;
  quoted: boolean;
  ordered: boolean;
  item?: Item;
}

interface Item {
  block: Block;
  own: string[];
  ownEnd: number;
  /** A child other than a leading paragraph or heading came: it and all after it are blocks of their own. */
  rest: boolean;
}

/** What the paragraph being read holds at its top level, for `boldOnly` and the task-list check. */
interface Paragraph {
  /** Every top-level text is spaces and colons. */
  blankText: boolean;
  /** Top-level children that are not text, and the type of the first. */
  others: number;
  first?: string;
  /** The first child is text (mdast-util-gfm-task-list-item drops its first character). */
  headIsText?: boolean;
  check: boolean;
}

/** The last top-level construct: whether the chunk ends inside it is checked after the parse. */
export interface LastBlock {
  type: string;
  startLine: number;
  endLine: number;
  /** HTML blocks: their text as mdast's `value` holds it. */
  value?: string;
}

export interface EventBlocks {
  blocks: Block[];
  tables: number;
  html: HtmlState;
  last?: LastBlock;
}

const WHITE_OR_COLON = /^[\s:]*$/;
const EDGE_EOLS = /^(\r?\n|\r)|(\r?\n|\r)$/g;
const TRAILING_EOL = /(\r?\n|\r)$/g;
/** Flow constructs that are children of a list item or a blockquote. */
const FLOW = new Set(['paragraph', 'atxHeading', 'setextHeading', 'codeFenced', 'codeIndented', 'htmlFlow', 'table', 'blockQuote', 'listOrdered', 'listUnordered', 'thematicBreak', 'definition', 'gfmFootnoteDefinition', 'yaml', 'toml']);
/** Inline constructs that are a child node of their own in mdast (not text). */
const INLINE_NODE = new Set(['strong', 'emphasis', 'strikethrough', 'link', 'autolink', 'codeText', 'htmlText', 'image', 'gfmFootnoteCall', 'hardBreakEscape', 'hardBreakTrailing']);
/** Constructs whose text mdast keeps out of the tree: URLs, titles, reference labels, images, footnote calls. */
const MUTED = new Set(['resource', 'reference', 'image', 'gfmFootnoteCall']);
/** Tokens skipped on the way back from a list item's end (prepareList). */
const ITEM_TAIL = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);

/** Index of the exit event of the token entered at `index`. */
function exitOf(events: Event[], index: number): number {
  const token = (events[index] as Event)[1];
  let j = index + 1;
  while (j < events.length && !((events[j] as Event)[1] === token && (events[j] as Event)[0] === 'exit')) j++;
  return j;
}

/**
 * The last line of a list item that ends at event `boundary` (the next item's prefix, or the
 * list's exit): mdast-util-from-markdown's prepareList walks back over line endings and
 * prefixes, and the item ends where the first of those line endings starts.
 */
function itemEnd(events: Event[], boundary: number): number {
  let lineIndex = -1;
  let t = boundary;
  while (t-- > 0) {
    const [kind, token] = events[t] as Event;
    if (token.type === 'lineEnding' || token.type === 'lineEndingBlank') {
      if (kind === 'exit') continue;
      lineIndex = t;
    } else if (!ITEM_TAIL.has(token.type)) break;
  }
  return (lineIndex > 0 ? (events[lineIndex] as Event)[1].start.line : (events[boundary] as Event)[1].end.line) - 1;
}

/**
 * `text` is what micromark read (the chunk, lines joined by \n), `lines` its lines; `html` the
 * HTML reading state where the chunk starts, carried on (as mdast-blocks.ts does).
 */
export function eventsToBlocks(events: Event[], text: string, lines: string[], htmlStart: HtmlState): EventBlocks {
  // Offsets index `text` exactly unless micromark split a tab into virtual spaces, replaced a NUL
  // or dropped a byte order mark: then the token's own serialisation is used.
  const exact = text.includes('\t') || text.includes('\0') || text.charCodeAt(0) === 0xfeff;
  const slice = (event: Event): string => (exact ? event[2].sliceSerialize(event[1]) : text.slice(event[1].start.offset, event[1].end.offset));
  const html: HtmlState = { ...htmlStart };
  const blocks: Block[] = [];
  /** Tables read so far: a row's table id (the caller shifts it to the document's count). */
  let tables = 0;
  const stack: Container[] = [{ list: false, depth: 0, itemDepth: 0, quoted: false, ordered: false }];
  let top = stack[0] as Container;
  let last: LastBlock | undefined;

  // Text being collected (a paragraph, heading, cell, code, front matter), or null.
  let sink: string | null = null;
  /** Inside a construct whose text mdast drops (MUTED). */
  let mute = 0;
  /** Inline nesting inside the paragraph: 0 is its top level. */
  let nest = 0;
  let paragraph: Paragraph | undefined;
  let atHardBreak = false;
  /** After a setext heading's text: its line ending is not text. */
  let slurp = false;
  let inTable = false;
  let referenceType: string | undefined;
  /** Sinks set aside by code spans, inline HTML and fence info strings. */
  const saved: (string | null)[] = [];

  // The block being built and its state.
  let headingDepth = 0;
  let lang: string | undefined;
  let fenceSeen = false;
  let tableId = 0;
  let rowIndex = 0;
  let cells: { text: string; start: number; end: number }[] = [];

  const append = (value: string): void => {
    if (sink === null || mute > 0) return;
    sink += value;
    if (paragraph && nest === 0) {
      if (paragraph.headIsText === undefined) paragraph.headIsText = true;
      if (paragraph.blankText && !WHITE_OR_COLON.test(value)) paragraph.blankText = false;
    }
  };

  /** A flow construct starts in the current container: a list item's own text, or a block. */
  const flowChild = (type: string): boolean => {
    const item = top.item;
    if (!top.list || !item) return false;
    if (!item.rest && (type === 'paragraph' || type === 'atxHeading' || type === 'setextHeading')) return true;
    if (!item.rest) {
      item.rest = true;
      item.block.endLine = item.ownEnd;
      item.block.text = item.own.join('\n');
    }
    return false;
  };
  let own = false;

  const closeItem = (boundary: number): void => {
    const item = top.item;
    if (!item) return;
    if (!item.rest) {
      item.block.endLine = itemEnd(events, boundary);
      item.block.text = item.own.join('\n');
    }
    top.item = undefined;
  };

  const lineOf = (token: Token): [number, number] => [token.start.line - 1, token.end.line - 1];
  const quoted = (): true | undefined => top.quoted || undefined;
  const noteLast = (type: string, token: Token, value?: string): void => {
    if (stack.length === 1) last = { type, startLine: token.start.line - 1, endLine: token.end.line - 1, value };
  };

  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const [kind, token] = event;
    const type = token.type as string;
    if (kind === 'enter') {
      if (FLOW.has(type)) own = flowChild(type);
      switch (type) {
        case 'data': case 'characterEscapeValue': case 'codeTextData': case 'htmlTextData': case 'codeFlowValue':
        case 'autolinkProtocol': case 'autolinkEmail': case 'yamlValue':
          continue;
        case 'paragraph':
          sink = '';
          paragraph = { blankText: true, others: 0, check: false };
          nest = 0;
          continue;
        case 'atxHeading': case 'setextHeading':
          sink = '';
          headingDepth = 0;
          continue;
        case 'codeFenced':
          sink = null;
          fenceSeen = false;
          lang = undefined;
          continue;
        case 'codeFencedFenceInfo': case 'codeFencedFenceMeta':
          saved.push(sink);
          sink = '';
          continue;
        case 'codeIndented': case 'yaml':
          sink = '';
          continue;
        case 'htmlFlow': {
          const end = exitOf(events, i);
          const [start, stop] = lineOf(token);
          for (const b of htmlBlocks(lines.slice(start, stop + 1), start, html, top.quoted)) blocks.push(b);
          if (stack.length === 1) {
            let value = '';
            for (let j = i + 1; j < end; j++) {
              const e = events[j] as Event;
              if (e[0] === 'exit' && e[1].type === 'htmlFlowData') value += slice(e);
              else if (e[0] === 'exit' && e[1].type === 'lineEnding') value += '\n';
            }
            noteLast('html', token, value);
          }
          i = end;
          continue;
        }
        case 'definition': case 'gfmFootnoteDefinition': {
          const [start, stop] = lineOf(token);
          blocks.push({ kind: 'definition', startLine: start, endLine: stop, depth: 0, text: '' });
          noteLast(type, token);
          i = exitOf(events, i);
          continue;
        }
        case 'toml':
          noteLast(type, token);
          i = exitOf(events, i);
          continue;
        case 'thematicBreak': {
          const [start, stop] = lineOf(token);
          blocks.push({ kind: 'thematicBreak', startLine: start, endLine: stop, depth: 0, text: '' });
          continue;
        }
        case 'blockQuote':
          top = { list: false, depth: top.depth + 1, itemDepth: 0, quoted: true, ordered: false };
          stack.push(top);
          continue;
        case 'listOrdered': case 'listUnordered':
          top = { list: true, depth: top.depth + 1, itemDepth: top.depth, quoted: top.quoted, ordered: type === 'listOrdered' };
          stack.push(top);
          continue;
        case 'listItemPrefix': {
          if (!top.list) continue;
          closeItem(i);
          const line = token.start.line - 1;
          const block: Block = { kind: 'listItem', startLine: line, endLine: line, depth: top.itemDepth, text: '', quoted: quoted(), ordered: top.ordered || undefined };
          blocks.push(block);
          top.item = { block, own: [], ownEnd: line, rest: false };
          continue;
        }
        case 'table':
          tableId = tables++;
          rowIndex = 0;
          inTable = true;
          continue;
        case 'tableRow':
          cells = [];
          continue;
        case 'tableHeader': case 'tableData':
          sink = '';
          continue;
        case 'taskListCheck':
          if (paragraph) paragraph.check = true;
          continue;
        case 'lineEnding': case 'lineEndingBlank':
          continue;
        case 'characterReferenceMarkerNumeric': case 'characterReferenceMarkerHexadecimal':
          referenceType = type;
          continue;
        default:
          break;
      }
      if (INLINE_NODE.has(type)) {
        if (paragraph && nest === 0 && mute === 0) {
          paragraph.headIsText ??= false;
          if (paragraph.others++ === 0) paragraph.first = type;
        }
        nest++;
        if (MUTED.has(type)) mute++;
        else if (type === 'codeText' || type === 'htmlText') {
          saved.push(sink);
          sink = sink === null ? null : '';
        }
      } else if (MUTED.has(type)) mute++;
      continue;
    }

    // exit
    switch (type) {
      case 'data': case 'characterEscapeValue': case 'codeTextData': case 'htmlTextData': case 'codeFlowValue':
      case 'autolinkProtocol': case 'autolinkEmail': case 'yamlValue':
        append(slice(event));
        continue;
      case 'characterReferenceValue': {
        const value = slice(event);
        append(referenceType ? decodeNumericCharacterReference(value, referenceType === 'characterReferenceMarkerNumeric' ? 10 : 16) : (decodeNamedCharacterReference(value) || ''));
        referenceType = undefined;
        continue;
      }
      case 'lineEnding':
        if (atHardBreak) atHardBreak = false;
        else if (!slurp) append('\n');
        continue;
      case 'hardBreakEscape': case 'hardBreakTrailing':
        nest--;
        append('\n');
        atHardBreak = true;
        continue;
      case 'paragraph': {
        const p = paragraph as Paragraph;
        let value = sink ?? '';
        if (p.check && p.headIsText) value = value.slice(1);
        const [start, stop] = lineOf(token);
        if (own) {
          const item = top.item as Item;
          item.own.push(value);
          item.ownEnd = stop;
        } else {
          blocks.push({ kind: 'paragraph', startLine: start, endLine: stop, depth: 0, text: value, quoted: quoted(), boldOnly: (p.blankText && p.others === 1 && p.first === 'strong') || undefined });
          noteLast('paragraph', token);
        }
        sink = null;
        paragraph = undefined;
        own = false;
        continue;
      }
      case 'atxHeadingSequence':
        if (!headingDepth) headingDepth = token.end.offset - token.start.offset;
        continue;
      case 'setextHeadingText':
        slurp = true;
        continue;
      case 'setextHeadingLineSequence':
        headingDepth = text.charCodeAt(token.start.offset) === 61 ? 1 : 2;
        continue;
      case 'atxHeading': case 'setextHeading': {
        slurp = false;
        const [start, stop] = lineOf(token);
        const value = sink ?? '';
        sink = null;
        if (own) {
          const item = top.item as Item;
          item.own.push(value);
          item.ownEnd = stop;
          own = false;
          continue;
        }
        const setext = stop > start || !/^\s{0,3}(?:>\s*)*#/.test(lines[start] ?? '');
        blocks.push({ kind: 'heading', startLine: start, endLine: stop, depth: headingDepth, text: decodeEntities(value).trim(), quoted: quoted(), setext: setext || undefined });
        noteLast(type, token);
        continue;
      }
      case 'codeFencedFenceInfo':
        lang = sink ?? '';
        sink = saved.pop() ?? null;
        continue;
      case 'codeFencedFenceMeta':
        sink = saved.pop() ?? null;
        continue;
      case 'codeFencedFence':
        if (!fenceSeen) {
          fenceSeen = true;
          sink = '';
        }
        continue;
      case 'codeFenced': case 'codeIndented': {
        const value = (sink ?? '').replace(type === 'codeFenced' ? EDGE_EOLS : TRAILING_EOL, '');
        sink = null;
        const [start, stop] = lineOf(token);
        blocks.push({ kind: 'code', startLine: start, endLine: stop, depth: 0, text: value, quoted: quoted(), lang: type === 'codeFenced' ? lang : undefined });
        noteLast('code', token);
        continue;
      }
      case 'yaml': {
        const value = (sink ?? '').replace(EDGE_EOLS, '');
        sink = null;
        const [start, stop] = lineOf(token);
        blocks.push({ kind: 'frontmatter', startLine: start, endLine: stop, depth: 0, text: value });
        noteLast(type, token);
        continue;
      }
      case 'tableHeader': case 'tableData':
        cells.push({ text: decodeEntities(sink ?? '').trim(), start: token.start.column - 1, end: token.end.column - 1 });
        sink = null;
        continue;
      case 'tableRow': {
        const [start, stop] = lineOf(token);
        blocks.push({
          kind: 'tableRow', startLine: start, endLine: stop, depth: 0, quoted: quoted(),
          text: cells.map((c) => c.text).join(' | '), cells, header: rowIndex++ === 0 || undefined, table: tableId,
        });
        continue;
      }
      case 'table':
        inTable = false;
        noteLast(type, token);
        continue;
      case 'blockQuote':
        stack.pop();
        top = stack[stack.length - 1] as Container;
        noteLast(type, token);
        continue;
      case 'listOrdered': case 'listUnordered':
        closeItem(i);
        stack.pop();
        top = stack[stack.length - 1] as Container;
        noteLast('list', token);
        continue;
      case 'thematicBreak':
        noteLast(type, token);
        continue;
      default:
        break;
    }
    if (INLINE_NODE.has(type)) {
      nest--;
      if (MUTED.has(type)) mute--;
      else if (type === 'codeText' || type === 'htmlText') {
        let value = sink;
        sink = saved.pop() ?? null;
        if (value !== null) {
          if (type === 'htmlText') value = htmlText(value);
          else if (inTable) value = value.replace(/\\([\\|])/g, (all: string, c: string) => (c === '|' ? c : all));
          // Not top-level text: the node is counted as a child on entry.
          const p = paragraph;
          paragraph = undefined;
          append(value);
          paragraph = p;
        }
      }
    } else if (MUTED.has(type)) mute--;
  }
  return { blocks, tables, html, last };
}

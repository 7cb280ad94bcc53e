export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableRow'
  | 'code'
  | 'html'
  | 'thematicBreak'
  | 'frontmatter'
  | 'definition';

/** One structural unit of the document, flattened. Lines are 0-based and inclusive. */
export interface Block {
  kind: BlockKind;
  startLine: number;
  endLine: number;
  /** Heading level, or nesting depth of list items (0 = top level). */
  depth: number;
  /** Plain text with markup removed; soft line breaks kept as \n. */
  text: string;
  /** Came from an HTML block (`<h3>`, `<li>`, `<p>` or bare text inside HTML). */
  html?: boolean;
  /** Inside a blockquote. */
  quoted?: boolean;
  /** Setext (underlined) heading. */
  setext?: boolean;
  /** A paragraph whose only content is bold text (`**Timeline**`). */
  boldOnly?: boolean;
  /** Table rows: plain text of each cell and its column span in the source line. */
  cells?: { text: string; start: number; end: number }[];
  header?: boolean;
  /** Rows of the same table share a table id; its header row has `header`. */
  table?: number;
  /** Fenced code language, when given. */
  lang?: string;
  /** Ordered-list item. */
  ordered?: boolean;
}

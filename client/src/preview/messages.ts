// Messages between the preview page (page.ts, in the webview) and its panel (panel.ts, in the
// extension host). The page only draws what it is sent and asks the extension to act.
import type { TimelineView } from '../../../server/src/render/view';
import type { ZoneMode } from '../../../server/src/render/format';

export type ToPage =
  | { type: 'update'; view: TimelineView; uri: string; name: string }
  | { type: 'empty'; message: string }
  /** The editor's cursor line (0-based) in the previewed document: its entry is highlighted. */
  | { type: 'cursor'; line: number };

export type FromPage =
  | { type: 'ready' }
  /** Show the entry's line in the editor (click or Enter). */
  | { type: 'reveal'; id: number }
  | { type: 'export'; format: 'svg' | 'html'; zone: ZoneMode };

/** What the page keeps with setState: restored after a reload, and read by the serializer. */
export interface PreviewState {
  uri?: string;
  zone: ZoneMode;
  scrollX: number;
  scrollY: number;
  /** Entry that had the keyboard focus. */
  focusId?: number;
}

export const VIEW_TYPE = 'postmortem.timeline';

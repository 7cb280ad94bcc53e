// The preview page (runs in the webview, bundled to dist/media/preview.js). It draws the view the
// extension sends with the shared renderer, turning the element tree into DOM nodes (never
// parsing markup), and keeps scroll position, focus and the UTC/local choice across updates
// and reloads.
import type { Child } from '../../../server/src/render/dom';
import { buildSvg, NARROW_WIDTH } from '../../../server/src/render/svg';
import type { TimelineView } from '../../../server/src/render/view';
import type { FromPage, PreviewState, ToPage } from './messages';

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const SVG_NS = 'http://www.w3.org/2000/svg';
const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const chart = byId<HTMLElement>('pv-chart');
const nameEl = byId<HTMLElement>('pv-name');
const status = byId<HTMLElement>('pv-status');
const localButton = byId<HTMLButtonElement>('pv-local');
const utcButton = byId<HTMLButtonElement>('pv-utc');

let state: PreviewState = { zone: 'local', scrollX: 0, scrollY: 0, ...vscode.getState() };
let view: TimelineView | undefined;
let currentUri: string | undefined;
let cursorLine: number | undefined;
let drawnWidth = 0;

function save(): void {
  vscode.setState(state);
}

/** The renderer's element tree as DOM nodes: text is always a text node. */
function toDom(node: Child, svg = false): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  if (!('tag' in node)) throw new Error('raw markup is not drawn in the preview');
  const inSvg = svg || node.tag === 'svg';
  const el = inSvg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === false || name === 'xmlns') continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of node.children) el.appendChild(toDom(child, inSvg));
  return el;
}

function items(): SVGGElement[] {
  return [...chart.querySelectorAll<SVGGElement>('.pm-event')];
}

function idOf(el: Element | null | undefined): number | undefined {
  const id = el?.closest('.pm-event')?.getAttribute('data-id');
  return id == null ? undefined : Number(id);
}

/** One tab stop for the whole list (roving tabindex); arrows move within it. */
function setRoving(target: Element | undefined): void {
  const all = items();
  const chosen = target ?? all[0];
  for (const el of all) el.setAttribute('tabindex', el === chosen ? '0' : '-1');
}

function markCursor(): void {
  for (const el of items()) {
    const id = idOf(el);
    const e = id === undefined ? undefined : view?.events[id];
    el.classList.toggle('pm-current', e !== undefined && cursorLine !== undefined && cursorLine >= e.line && cursorLine <= e.endLine);
  }
}

function setZoneButtons(): void {
  const unknown = !view || view.floating.zone;
  localButton.textContent = view?.zone ? `Local (${view.zone.label})` : unknown && view ? 'Zone unknown' : 'Local';
  utcButton.disabled = unknown;
  utcButton.title = unknown ? 'The document states no time zone, so UTC is unknown' : 'Show times in UTC';
  localButton.setAttribute('aria-pressed', String(state.zone === 'local' || unknown));
  utcButton.setAttribute('aria-pressed', String(state.zone === 'utc' && !unknown));
}

function draw(): void {
  if (!view) return;
  const width = Math.max(240, chart.clientWidth);
  const layout = width < NARROW_WIDTH ? 'vertical' : 'horizontal';
  const focusedId = chart.contains(document.activeElement) ? idOf(document.activeElement) : state.focusId;
  const hadFocus = chart.contains(document.activeElement);
  const svg = toDom(buildSvg(view, { layout, width, zone: state.zone, id: 'pv' }));
  const { scrollX, scrollY } = window;
  const left = chart.scrollLeft;
  chart.replaceChildren(svg);
  drawnWidth = width;
  window.scrollTo(scrollX, scrollY);
  chart.scrollLeft = left;
  const target = focusedId === undefined ? undefined : chart.querySelector(`.pm-event[data-id="${focusedId}"]`) ?? undefined;
  setRoving(target);
  if (hadFocus && target instanceof SVGElement) target.focus({ preventScroll: true });
  markCursor();
  setZoneButtons();
}

function showMessage(message: string): void {
  view = undefined;
  const p = document.createElement('p');
  p.className = 'pv-empty';
  p.textContent = message;
  chart.replaceChildren(p);
  setZoneButtons();
}

function reveal(el: Element | null): void {
  const id = idOf(el);
  if (id !== undefined) vscode.postMessage({ type: 'reveal', id });
}

window.addEventListener('message', (event: MessageEvent<ToPage>) => {
  const message = event.data;
  if (message.type === 'update') {
    const switched = message.uri !== currentUri;
    currentUri = message.uri;
    view = message.view;
    nameEl.textContent = `Timeline: ${message.name}`;
    if (switched && state.uri !== message.uri) {
      state = { ...state, uri: message.uri, scrollX: 0, scrollY: 0, focusId: undefined };
      window.scrollTo(0, 0);
    }
    state.uri = message.uri;
    save();
    draw();
    if (switched) status.textContent = `Showing the timeline of ${message.name}: ${message.view.events.length} entries.`;
  } else if (message.type === 'empty') {
    nameEl.textContent = 'Timeline';
    showMessage(message.message);
  } else if (message.type === 'cursor') {
    cursorLine = message.line;
    markCursor();
  }
});

chart.addEventListener('click', (event) => {
  const item = (event.target as Element).closest('.pm-event');
  if (!item) return;
  setRoving(item);
  (item as SVGElement).focus({ preventScroll: true });
  reveal(item);
});

chart.addEventListener('keydown', (event) => {
  const all = items();
  const current = (event.target as Element).closest('.pm-event');
  const index = current ? all.indexOf(current as SVGGElement) : -1;
  let next: SVGGElement | undefined;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      next = all[Math.min(all.length - 1, index + 1)];
      break;
    case 'ArrowUp':
    case 'ArrowLeft':
      next = all[Math.max(0, index - 1)];
      break;
    case 'Home':
      next = all[0];
      break;
    case 'End':
      next = all[all.length - 1];
      break;
    case 'Enter':
    case ' ':
      if (current) {
        event.preventDefault();
        reveal(current);
      }
      return;
    default:
      return;
  }
  event.preventDefault();
  if (!next) return;
  setRoving(next);
  next.focus();
  next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
});

chart.addEventListener('focusin', (event) => {
  const id = idOf(event.target as Element);
  if (id === undefined) return;
  state.focusId = id;
  save();
});

function setZone(zone: PreviewState['zone']): void {
  if (state.zone === zone) return;
  state.zone = zone;
  save();
  draw();
}

localButton.addEventListener('click', () => setZone('local'));
utcButton.addEventListener('click', () => setZone('utc'));
byId('pv-export-svg').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'svg', zone: state.zone }));
byId('pv-export-html').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'html', zone: state.zone }));

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  cancelAnimationFrame(scrollFrame);
  scrollFrame = requestAnimationFrame(() => {
    state.scrollX = window.scrollX;
    state.scrollY = window.scrollY;
    save();
  });
});

let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => {
    if (view && Math.abs(chart.clientWidth - drawnWidth) > 1) draw();
  });
}).observe(chart);

setZoneButtons();
// After a reload the scroll position is restored once the first picture is drawn.
const restore = { x: state.scrollX, y: state.scrollY };
window.addEventListener('message', function restoreScroll(event: MessageEvent<ToPage>) {
  if (event.data.type !== 'update') return;
  window.removeEventListener('message', restoreScroll);
  if (event.data.uri === state.uri) window.scrollTo(restore.x, restore.y);
});
vscode.postMessage({ type: 'ready' });

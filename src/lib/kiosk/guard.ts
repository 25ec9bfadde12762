/**
 * Kiosk guards (issue #11): no context menu, no text selection, no page zoom — everywhere, not
 * only on the map. CSS does most of it (html.kiosk in app.css: `user-select: none`,
 * `touch-action: pan-x pan-y`, which forbids pinch-zoom of the page while the map, with its own
 * `touch-action: none`, still gets its gestures); these listeners cover what CSS cannot: the
 * context menu (long press), Ctrl + wheel / trackpad pinch, Ctrl +/−/0, and selection by drag.
 */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);

export function installKioskGuards(target: Window = window): () => void {
  const doc = target.document;
  const block = (e: Event) => e.preventDefault();
  const editable = (e: Event) => e.target instanceof Element && e.target.closest('input, textarea') !== null;
  const onSelect = (e: Event) => {
    if (!editable(e)) e.preventDefault();
  };
  // Chromium turns a trackpad pinch into wheel events with ctrlKey set.
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && ZOOM_KEYS.has(e.key)) e.preventDefault();
  };
  const listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [
    [doc, 'contextmenu', block, { capture: true }],
    [doc, 'selectstart', onSelect, { capture: true }],
    [doc, 'dragstart', block, { capture: true }],
    // Safari's pinch gestures.
    [doc, 'gesturestart', block, { capture: true }],
    [target, 'wheel', onWheel as EventListener, { capture: true, passive: false }],
    [target, 'keydown', onKey as EventListener, { capture: true }],
  ];
  for (const [t, type, fn, opts] of listeners) t.addEventListener(type, fn, opts);
  return () => {
    for (const [t, type, fn, opts] of listeners) t.removeEventListener(type, fn, opts);
  };
}

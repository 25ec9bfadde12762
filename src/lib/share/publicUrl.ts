/**
 * The public address links and QR codes point to (issue #9). A kiosk is often served from
 * 127.0.0.1, an address a visitor's phone cannot open; so the deployer names the public one:
 *
 * - at run time, in the built `index.html`: `<meta name="atlas-public-url" content="…">` (an absolute address)
 *   (edit `dist/index.html`; no rebuild), which wins over
 * - at build time, `VITE_PUBLIC_URL=<absolute address> npm run build`;
 * - otherwise the address the page was opened with.
 *
 * Only absolute http(s) addresses are used; anything else is ignored (and the page address used).
 */
import { viewQuery, type ViewState } from '../url/codec';

/** The base (origin + path, no query) links start with. Pure: inputs are passed in. */
export function resolvePublicBase(meta: string | null | undefined, env: string | null | undefined, page: { origin: string; pathname: string }): string {
  for (const candidate of [meta, env]) {
    const v = candidate?.trim();
    if (!v) continue;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}${u.pathname}`;
    } catch {
      // Not an absolute URL: ignored.
    }
  }
  return `${page.origin}${page.pathname}`;
}

/** The configured public base of this page. */
export function publicBase(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="atlas-public-url"]')?.content;
  return resolvePublicBase(meta, import.meta.env.VITE_PUBLIC_URL, location);
}

/**
 * The shareable link to a view at the public address. A selection of one of the planner's own
 * polygons is left out: those files stay on this computer and are not part of the link.
 */
export function shareLink(view: ViewState, ownZoneIds: ReadonlySet<string> = new Set()): string {
  const v = view.selection?.type === 'zone' && ownZoneIds.has(view.selection.id) ? { ...view, selection: null } : view;
  return `${publicBase()}${viewQuery(v, location.search)}`;
}

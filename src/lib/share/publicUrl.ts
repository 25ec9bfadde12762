/**
 * The public address of the Atlas, for links and QR codes that leave the machine (issue #9): a
 * kiosk is served from 127.0.0.1, which means nothing on a visitor's phone. Set at build time with
 * `VITE_PUBLIC_URL` (e.g. `https://atlas.example.org/`); without it, the address the page was
 * loaded from.
 */
export function publicBaseUrl(): string {
  const configured = import.meta.env.VITE_PUBLIC_URL as string | undefined;
  if (configured) return configured.endsWith('/') ? configured : `${configured}/`;
  return `${location.origin}${location.pathname}`;
}

/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** Optional MapLibre style URL used as basemap instead of the embedded one. */
  readonly VITE_BASEMAP_STYLE?: string;
  /** Public base address of the Atlas for shared links and QR codes (see src/lib/share/publicUrl.ts). */
  readonly VITE_PUBLIC_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module '*.geojson?raw' {
  const text: string;
  export default text;
}

declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon (rings of [x, y]); `distance` is to the nearest edge. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}

/** Noto Sans SC subset made at build time (scripts/vite/fonts.ts): one file per weight. */
declare module 'virtual:atlas-fonts' {
  export const subset: { weight: number; url: string; unicodeRange: string[] }[];
}
/** The full font's unicode-range pieces (fontsource), for text outside the subset; loaded on demand. */
declare module 'virtual:atlas-fonts-fallback' {
  /** `unicodeRange`: the piece's ranges; `cssRange`: the same without the subset's characters. */
  export const fallback: { weight: number; url: string; unicodeRange: string[]; cssRange: string }[];
}
/** Address of `geodata/` validated at build time (scripts/vite/geodata.ts) with the build's issues (JSON). */
declare module 'virtual:atlas-data' {
  export const dataUrl: string;
}

/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional MapLibre style URL used as basemap instead of the embedded one. */
  readonly VITE_BASEMAP_STYLE?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module '*.geojson?raw' {
  const text: string;
  export default text;
}

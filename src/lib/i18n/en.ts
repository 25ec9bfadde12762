/** English UI strings. The zh catalogue must have exactly these keys (checked by the compiler). */
export const en = {
  'app.title': 'Shijingshan Innovation Atlas',
  'app.subtitle': 'Innovation districts of Shijingshan, west Beijing',
  'app.loading': 'Loading the map…',
  'app.mapLabel': 'Map of Shijingshan District and its innovation zones',
  'app.schematic': 'Schematic map, not for surveying. Zone outlines are digitised or estimated; see each zone’s provenance.',
  'lang.switch': '中文',
  'lang.switchLabel': 'Switch language to Chinese',
  'data.issues': 'Data issues',
  'data.issuesNone': 'All data files passed validation',
  'data.issuesCount': '{n} data issues',
  'basemap.error': 'The configured basemap could not be loaded; showing the embedded basemap.',
  'map.error': 'The map could not start: {message}',
} as const;

export type MessageKey = keyof typeof en;

/** MapLibre's own control strings (its `locale` option). */
export const maplibreEn: Record<string, string> = {
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
  'FullscreenControl.Enter': 'Enter fullscreen',
  'FullscreenControl.Exit': 'Exit fullscreen',
  'AttributionControl.ToggleAttribution': 'Toggle attribution',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'Map.Title': 'Map',
};

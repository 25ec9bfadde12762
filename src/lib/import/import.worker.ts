/// <reference lib="webworker" />
// Reads planning files off the main thread: unzipping, parsing and reprojecting a shapefile of a
// few thousand parcels takes long enough to stall the map.
import { importPlanningFile, type ImportOptions } from './index';

export interface ImportRequest {
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
  options?: ImportOptions;
}

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { id, fileName, bytes, options } = e.data;
  // importPlanningFile never throws: every failure is in result.issues.
  const result = await importPlanningFile(fileName, bytes, options);
  (self as unknown as Worker).postMessage({ id, result });
};

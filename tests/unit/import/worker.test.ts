import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPlanningFile, type ImportResult } from '../../../src/lib/import';
import { fixture } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const file = (name: string) => new File([fixture(name) as Uint8Array<ArrayBuffer>], name);

describe('importInWorker', () => {
  it('runs on the main thread where Worker does not exist (Node), with the same result', async () => {
    expect(typeof Worker).toBe('undefined');
    const { importInWorker } = await import('../../../src/lib/import/client');
    const result = await importInWorker(file('quad-epsg4548.zip'));
    expect(result).toEqual(await importPlanningFile('quad-epsg4548.zip', fixture('quad-epsg4548.zip')));
  });

  it('falls back to the main thread when the worker fails to start', async () => {
    const started: string[] = [];
    // A Worker that fails to load its script, as a browser reports it: an `error` event.
    class FailingWorker extends EventTarget {
      constructor(url: URL) {
        super();
        started.push(url.pathname.split('/').pop()!);
      }
      postMessage() {
        setTimeout(() => this.dispatchEvent(new Event('error')), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FailingWorker);
    const { importInWorker } = await import('../../../src/lib/import/client');
    const result = await importInWorker(file('quad-wgs84.kml'), { datum: 'wgs84' });
    expect(started).toEqual(['import.worker.ts']);
    expect(result.format).toBe('kml');
    expect(result.featureCount).toBe(1);
  });
});

describe('import.worker', () => {
  it('answers {id, fileName, bytes, options} with {id, result}', async () => {
    const posted: { id: number; result: ImportResult }[] = [];
    const scope: { onmessage?: (e: MessageEvent) => Promise<void>; postMessage: (m: { id: number; result: ImportResult }) => void } = {
      postMessage: (m) => posted.push(m),
    };
    vi.stubGlobal('self', scope);
    await import('../../../src/lib/import/import.worker');
    const bytes = fixture('quad-gcj02.geojson').slice().buffer;
    await scope.onmessage!({ data: { id: 7, fileName: 'quad-gcj02.geojson', bytes, options: { datum: 'gcj02' } } } as MessageEvent);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.id).toBe(7);
    expect(posted[0]!.result.crs).toBe('GCJ-02 → WGS84');
    expect(posted[0]!.result.featureCount).toBe(1);
  });

  it('answers a proposals request with progress, then validated, attached, labelled zones', async () => {
    const posted: { id: number; progress?: string; batch?: import('../../../src/lib/import/proposals').ProposalBatch }[] = [];
    const scope: { onmessage?: (e: MessageEvent) => Promise<void>; postMessage: (m: (typeof posted)[number]) => void } = { postMessage: (m) => posted.push(m) };
    vi.stubGlobal('self', scope);
    await import('../../../src/lib/import/import.worker');
    const text = JSON.stringify({ type: 'Feature', properties: { name: 'Mine', zone: 'zgc-sjs-park' }, geometry: { type: 'Polygon', coordinates: [[[116.18, 39.92], [116.19, 39.92], [116.19, 39.93], [116.18, 39.92]]] } });
    const bytes = new TextEncoder().encode(text).buffer;
    const known = [{ zone: 'zgc-sjs-park', version: 'before', current: false }, { zone: 'zgc-sjs-park', version: 'after', current: true }];
    await scope.onmessage!({ data: { id: 3, kind: 'proposals', fileName: 'mine.geojson', bytes, options: {}, known } } as MessageEvent);
    expect(posted.map((m) => m.progress ?? 'done')).toEqual(['reading', 'validating', 'done']);
    const batch = posted.at(-1)!.batch!;
    expect(batch.count).toBe(1);
    const zones = batch.zonesJson.flatMap((j) => JSON.parse(j) as { properties: { id: string; zone: string; attachedTo?: unknown } }[]);
    // Its own zone, attached to the current official version (no version given in the file).
    expect(zones[0]!.properties.zone).toBe(zones[0]!.properties.id);
    expect(zones[0]!.properties.attachedTo).toEqual({ zone: 'zgc-sjs-park', version: 'after' });
    expect(batch.labels[0]![0]).toBe(zones[0]!.properties.id);
  });
});

/** Imports a planning file in a worker (falls back to the main thread where workers are unavailable or fail to start). */
import type { ImportOptions, ImportResult } from './index';
import type { ImportRequest } from './import.worker';

let worker: Worker | null = null;
let seq = 0;

async function onMainThread(file: File, options?: ImportOptions): Promise<ImportResult> {
  const { importPlanningFile } = await import('./index');
  return importPlanningFile(file.name, await file.arrayBuffer(), options);
}

export async function importInWorker(file: File, options?: ImportOptions): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return onMainThread(file, options);
  worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = ++seq;
  const bytes = await file.arrayBuffer();
  return new Promise((resolve) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<{ id: number; result: ImportResult }>) => {
      if (e.data.id !== id) return;
      done();
      resolve(e.data.result);
    };
    // The worker failed to load or crashed: drop it and read the file here (File can be read again).
    const onError = () => {
      done();
      if (worker === w) worker = null;
      w.terminate();
      resolve(onMainThread(file, options));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    // The bytes are transferred, not copied: this side no longer needs them.
    w.postMessage({ id, fileName: file.name, bytes, options: options ? { ...options } : undefined } satisfies ImportRequest, [bytes]);
  });
}

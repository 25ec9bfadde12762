/** Runs the audit in a worker (falls back to the main thread where workers are unavailable). */
import type { AuditInput, AuditReport } from './audit';

let worker: Worker | null = null;
let seq = 0;

export async function auditInWorker(input: AuditInput): Promise<AuditReport> {
  if (typeof Worker === 'undefined') return (await import('./audit')).runAudit(input);
  worker ??= new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
  const id = ++seq;
  const w = worker;
  // Plain JSON copies: zod-parsed data may carry prototypes the structured clone cannot take.
  const plain = JSON.parse(JSON.stringify(input)) as AuditInput;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ id: number; report: AuditReport }>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      resolve(e.data.report);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
    w.postMessage({ id, input: plain });
  });
}

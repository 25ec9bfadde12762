/// <reference lib="webworker" />
// Runs the audit off the main thread: clipping every pair of zones takes tens of milliseconds and
// grows with the user's own files (planner workbench).
import { runAudit, type AuditInput } from './audit';

self.onmessage = (e: MessageEvent<{ id: number; input: AuditInput }>) => {
  const report = runAudit(e.data.input);
  (self as unknown as Worker).postMessage({ id: e.data.id, report });
};

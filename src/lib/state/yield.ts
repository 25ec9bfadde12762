/**
 * Ends the current task so the page can paint and take input, and continues in a new one as soon
 * as possible: `scheduler.yield()` where the browser has it (Chromium 129+; the continuation keeps
 * its place ahead of other queued work), else a message-channel task (setTimeout(0) is clamped to
 * 4 ms after a few nested calls: 12 chunks of a big file would wait ~50 ms for nothing).
 */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}

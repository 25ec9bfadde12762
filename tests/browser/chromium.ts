import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** Path of Debian's Chromium (or $CHROMIUM_PATH); throws with the install command when missing. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    const p = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    if (p) return p;
  } catch {
    /* not on PATH */
  }
  throw new Error(
    `Chromium was not found, so the browser tests cannot run. Install Debian's Chromium with:\n\n    ${INSTALL_HINT}\n\n(as root, or prefix with sudo), or point CHROMIUM_PATH at a Chromium binary.`,
  );
}

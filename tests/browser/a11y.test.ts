import { afterAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { closeBrowser, openAtlas } from './harness';

afterAll(closeBrowser);

/** axe-core (WCAG 2.1 A/AA rules) on each screen a user reaches; the map canvas itself is excluded. */
async function violations(a: Awaited<ReturnType<typeof openAtlas>>) {
  const r = await new AxeBuilder({ page: a.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.maplibregl-canvas').analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describe('accessibility (axe-core)', () => {
  for (const [name, path] of [
    ['explore, zh', '?lang=zh'],
    ['explore with a card, en', '?lang=en&sel=zone:shougang-park'],
    ['audit, en', '?lang=en&tab=audit'],
    ['indicators, zh', '?lang=zh&tab=indicators'],
    ['kiosk, zh', '?lang=zh&kiosk=1'],
    ['compare with the swipe divider, en', '?lang=en&cmp=zgc-sjs-park-before,zgc-sjs-park-after,0.5'],
  ] as const) {
    it(`has no violations: ${name}`, async () => {
      const a = await openAtlas(path, { locale: name.endsWith('en') ? 'en-US' : 'zh-CN' });
      if (path.includes('tab=audit')) await a.page.getByTestId('audit-summary').waitFor();
      if (path.includes('cmp=')) await a.page.getByTestId('compare-table').waitFor();
      expect(await violations(a)).toEqual([]);
      a.expectClean();
      await a.context.close();
    });
  }
});

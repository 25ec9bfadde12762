import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

/** Shougang Park's English name, from the data (it is being renamed, issue #19). */
const shougangPark = (JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')).features as { properties: { id: string; name: { en: string } } }[]).find((f) => f.properties.id === 'shougang-park')!.properties.name.en;

/** The CLI's zone table, row by row (cells split on 2+ spaces). */
function cliZoneRows(): string[][] {
  const out = spawnSync('npx', ['tsx', 'scripts/audit.ts'], { encoding: 'utf8' }).stdout;
  const block = out.split('\n\n').find((b) => b.includes('Zone versions'))!;
  return block
    .split('\n')
    .slice(3)
    .filter(Boolean)
    .map((l) => l.trim().split(/ {2,}/));
}

describe('audit panel', () => {
  it('shows the same numbers as npm run audit, and the 13.34 → 14.4 km² expansion', async () => {
    const a = await openAtlas('?lang=en&tab=audit', { locale: 'en-US' });
    await a.page.getByTestId('audit-summary').waitFor();
    const rows = await a.page
      .getByTestId('audit-table-zones')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())));
    // The same numbers as the CLI; the panel names zones (in the UI's language) where the CLI prints ids.
    const cli = cliZoneRows();
    expect(rows.map((r) => r.slice(1, -1))).toEqual(cli.map((r) => r.slice(1, -1)));
    expect(rows.map((r) => r[0])).toContain('Zhongguancun Shijingshan Park · before the adjustment');
    expect(rows.map((r) => r[0])).toContain(shougangPark);
    const stated = await a.page.getByTestId('audit-expansion-stated').innerText();
    expect(stated).toContain('13.34 km²');
    expect(stated).toContain('14.4 km²');
    expect(stated).toContain('1.06 km²');
    a.expectClean();
    await a.context.close();
  });

  it('draws overlaps cross-hatched and frames a zone when its row is clicked', async () => {
    const a = await openAtlas('?lang=en&tab=audit', { locale: 'en-US' });
    await a.page.getByTestId('audit-summary').waitFor();
    await waitIdle(a.page);
    expect((await a.page.evaluate(() => window.__atlas!.rendered('atlas-audit-overlap-hatch'))).length).toBeGreaterThan(0);
    await a.page.getByTestId('audit-table-zones').getByRole('button', { name: `Show ${shougangPark} on the map` }).click();
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-selected'))).toEqual(['shougang-park']);
    expect(new URL(a.page.url()).searchParams.get('sel')).toBe('zone:shougang-park');
    await a.page.screenshot({ path: 'test-results/audit-en.png' });
    // Leaving the audit tab removes its overlay.
    await a.page.getByTestId('tab-explore').click();
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-audit-overlap-hatch'))).toEqual([]);
    a.expectClean();
    await a.context.close();
  });
});

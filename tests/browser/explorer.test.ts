import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

const zones = JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')).features.map((f: { properties: Record<string, unknown>; geometry: unknown }) => ({ ...f.properties, drawn: f.geometry !== null })) as {
  id: string; zone: string; current: boolean; sectors: string[]; drawn: boolean;
}[];

describe('investor explorer', () => {
  for (const q of ['wulituo', '五里坨', 'wlt']) {
    it(`search "${q}" → the card shows the Wulituo zone with an area`, async () => {
      const a = await openAtlas('?lang=zh');
      const box = a.page.getByRole('searchbox', { name: '搜索地点' });
      await box.fill(q);
      await a.page.getByTestId('search-hit-zone-wulituo-hitech').waitFor();
      await box.press('Enter');
      await expect.poll(() => a.page.getByTestId('card-title').innerText()).toContain('五里坨');
      expect(await a.page.getByTestId('card-area-readout').innerText()).toMatch(/^至多 \d+ 平方公里（粗略范围）$/);
      expect(new URL(a.page.url()).searchParams.get('sel')).toBe('zone:wulituo-hitech');
      a.expectClean();
      await a.context.close();
    });
  }

  it('filters by sector on the map, in the list and in the counts together', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('filter-sector-vr').check();
    await waitIdle(a.page);
    // Expected from the data file: shown versions (current ones) whose sectors include "vr".
    const expected = zones.filter((z) => z.current && z.sectors.includes('vr'));
    const listed = await a.page.locator('[data-testid^="place-zone-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('place-zone-', '')));
    expect(listed.sort()).toEqual(expected.map((z) => z.zone).sort());
    const onMap = await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-fill'));
    expect(onMap.sort()).toEqual(expected.filter((z) => z.drawn).map((z) => z.id).sort());
    expect(await a.page.getByTestId('filter-summary').innerText()).toContain(`${expected.length} zones`);
    expect(new URL(a.page.url()).searchParams.get('sector')).toBe('vr');
    a.expectClean();
    await a.context.close();
  });

  it('reopens a copied link with the same selection, layers, filters, version, language and camera', async () => {
    const a = await openAtlas('?lang=zh');
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await a.page.getByTestId('lang-toggle').click();
    await a.page.getByTestId('layer-transport').uncheck();
    await a.page.getByTestId('filter-sector-ai').check();
    await a.page.getByTestId('version-ai-cluster-phase-2').check();
    await a.page.getByTestId('place-zone-future-digital-space').click();
    await waitIdle(a.page);
    await a.page.getByTestId('share-button').click();
    await a.page.getByTestId('share-copy').click();
    await expect.poll(() => a.page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await a.page.getByTestId('share-link').inputValue());
    const cam = await a.page.evaluate(() => window.__atlas!.camera());
    a.expectClean();
    await a.context.close();

    const b = await openAtlas(link.replace(/^https?:\/\/[^/]+\//, ''), { locale: 'zh-CN' });
    expect(await b.page.getByTestId('card-title').innerText()).toContain('Future Digital Space');
    expect(await b.page.getByTestId('layer-transport').isChecked()).toBe(false);
    expect(await b.page.getByTestId('filter-sector-ai').isChecked()).toBe(true);
    expect(await b.page.getByTestId('version-ai-cluster-phase-2').isChecked()).toBe(true);
    expect(await b.page.evaluate(() => window.__atlas!.lang)).toBe('en');
    const cam2 = await b.page.evaluate(() => window.__atlas!.camera());
    expect(cam2.center[0]).toBeCloseTo(cam.center[0], 4);
    expect(cam2.center[1]).toBeCloseTo(cam.center[1], 4);
    expect(cam2.zoom).toBeCloseTo(cam.zoom, 1);
    expect(await b.page.evaluate(() => window.__atlas!.rendered('atlas-metro-line'))).toEqual([]);
    b.expectClean();
    await b.context.close();
  });

  it('switches UI strings and map labels with the language', async () => {
    const a = await openAtlas('?lang=zh');
    const shot = async () => PNG.sync.read(await a.page.locator('[data-testid="map"]').screenshot());
    expect(await a.page.evaluate(() => window.__atlas!.globalState().lang)).toBe('zh');
    const before = await shot();
    await a.page.getByTestId('lang-toggle').click();
    await waitIdle(a.page);
    expect(await a.page.getByTestId('app-title').innerText()).toBe('Shijingshan Innovation Atlas');
    expect(await a.page.getByRole('tab', { name: 'Area audit' }).isVisible()).toBe(true);
    expect(await a.page.evaluate(() => window.__atlas!.globalState().lang)).toBe('en');
    expect(await a.page.evaluate(() => document.documentElement.lang)).toBe('en');
    const after = await shot();
    await a.page.locator('[data-testid="map"]').screenshot({ path: 'test-results/labels-en.png' });
    // Same camera, different labels: a visible share of pixels changed.
    let diff = 0;
    for (let i = 0; i < before.data.length; i += 4) if (Math.abs(before.data[i]! - after.data[i]!) > 40) diff++;
    expect(diff).toBeGreaterThan(500);
    a.expectClean();
    await a.context.close();
  });

  it('shows hostile text from a file literally and runs nothing', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/hostile/hostile-name.geojson');
    const title = a.page.getByTestId('card-title');
    await expect.poll(() => title.innerText()).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await a.page.locator('img[src="x"]').count()).toBe(0);
    expect(await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Also in the search box's "no match" message.
    await a.page.getByRole('searchbox').fill('<img src=y onerror="window.__pwned=2">');
    await expect.poll(() => a.page.getByTestId('search-results').innerText()).toContain('<img src=y');
    expect(await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    a.expectClean();
    await a.context.close();
  });

  it('works by keyboard alone: search → card → share', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    // Tab from the top of the page to the search box.
    for (let i = 0; i < 10 && !(await a.page.evaluate(() => document.activeElement?.getAttribute('type') === 'search')); i++) await a.page.keyboard.press('Tab');
    expect(await a.page.evaluate(() => document.activeElement?.id)).toBe('atlas-search');
    await a.page.keyboard.type('sci');
    await a.page.getByRole('option').first().waitFor();
    await a.page.keyboard.press('ArrowDown');
    await a.page.keyboard.press('ArrowUp');
    await a.page.keyboard.press('Enter');
    // Focus lands on the card's heading.
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-title');
    expect(await a.page.getByTestId('card-title').innerText()).toMatch(/Sci-fi/);
    for (let i = 0; i < 40 && (await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'card-share'; i++) await a.page.keyboard.press('Tab');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-share');
    await a.page.keyboard.press('Enter');
    await a.page.getByTestId('share-qr').waitFor();
    expect(await a.page.getByTestId('share-link').inputValue()).toContain('sel=zone:scifi-cluster');
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByTestId('share-dialog').isVisible()).toBe(false);
    a.expectClean();
    await a.context.close();
  });

  it('exports a one-page site card PNG', async () => {
    const a = await openAtlas('?lang=zh&sel=zone:shougang-park');
    await waitIdle(a.page);
    await a.page.getByTestId('share-button').click();
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('share-export').click()]);
    expect(download.suggestedFilename()).toBe('shijingshan-atlas-shougang-park.png');
    await download.saveAs('test-results/site-card.png');
    const png = PNG.sync.read(readFileSync('test-results/site-card.png'));
    expect([png.width, png.height]).toEqual([1240, 1754]);
    a.expectClean();
    await a.context.close();
  });
});

describe('indicators view', () => {
  it('shows every figure of the interview with its period and Chinese phrase, and other sources apart with their year', async () => {
    const file = JSON.parse(readFileSync('geodata/claims.json', 'utf8')) as { claims: { id: string; value: number; quote_zh?: string; quote_en?: string; source: string; as_of?: number }[] };
    const a = await openAtlas('?lang=en&tab=indicators', { locale: 'en-US' });
    const other = a.page.getByTestId('indicators-other');
    for (const c of file.claims) {
      const card = a.page.getByTestId(`indicator-${c.id}`);
      const text = await card.innerText();
      expect(text, c.id).toContain(new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(c.value));
      expect(text, c.id).toContain((c.quote_zh ?? c.quote_en)!.slice(0, 8));
      const inOther = (await other.getByTestId(`indicator-${c.id}`).count()) === 1;
      expect(inOther, c.id).toBe(c.source !== 'interview-2026');
      if (c.source === 'interview-2026') expect(text, c.id).toMatch(/Period: /);
      else if (c.as_of) expect(text, c.id).toContain(`(${c.as_of} figure)`);
    }
    await a.page.screenshot({ path: 'test-results/indicators-en.png', fullPage: true });
    a.expectClean();
    await a.context.close();
  });
});

describe('planning files', () => {
  it('measures an opened file against the claims and keeps it across a reload', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/zgc-after-3800m-square.geojson');
    await expect.poll(() => a.page.getByTestId('card-title').innerText()).toBe('ZGC park proposal, 3.8 km square');
    // 3.8 km × 3.8 km = 14.44 km² with ±10 m: the card shows it with its band.
    expect(await a.page.getByTestId('card-area').innerText()).toMatch(/14\.4 ± 0\.2 km²/);
    await a.page.getByTestId('tab-audit').click();
    await a.page.getByTestId('audit-summary').waitFor();
    expect(await a.page.getByTestId('audit-table-claims').innerText()).toMatch(/Area of ZGC Shijingshan Park after ZGC's new round of spatial adjustment\s+interview\s+ZGC park proposal, 3\.8 km square.*consistent/);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.savesPending())).toBe(0);
    await a.page.reload();
    await a.page.waitForFunction(() => window.__atlas?.ready === true);
    await a.page.getByTestId('tab-explore').click();
    expect(await a.page.getByTestId('place-list').innerText()).toContain('ZGC park proposal, 3.8 km square');
    a.expectClean();
    await a.context.close();
  });

  it('changes nothing when a file has no usable polygon, and says why', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    const before = await a.page.getByTestId('place-list').innerText();
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/bowtie.geojson');
    await expect.poll(() => a.page.getByTestId('file-issues').innerText()).toMatch(/bowtie\.geojson.*self-intersection/);
    expect(await a.page.getByTestId('place-list').innerText()).toBe(before);
    a.expectClean();
    await a.context.close();
  });
});

describe('planning files in other formats', () => {
  it('reads a CGCS2000 Gauss-Krüger shapefile in a worker and measures it like the same polygon in WGS84', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/import/quad-wgs84.geojson');
    const area = a.page.getByTestId('card-area');
    await expect.poll(() => area.innerText()).toMatch(/km²|ha/);
    const wgs84 = await area.innerText();
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/import/quad-epsg4548.zip');
    await expect.poll(() => a.page.getByTestId('place-list').locator('[data-testid^="place-zone-file-"]').count()).toBe(2);
    expect(await area.innerText()).toBe(wgs84);
    a.expectClean();
    await a.context.close();
  });
});

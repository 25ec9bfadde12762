import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

// Read from the data file itself: the test checks what the app does with every zone in it.
const zones = JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')).features.map(
  (f: { properties: { id: string; zone: string; current: boolean; extent?: string }; geometry: unknown }) => ({ ...f.properties, drawn: f.geometry !== null }),
) as { id: string; zone: string; current: boolean; extent?: string; drawn: boolean }[];

/** The zones the interview names (issue #3): each must exist and be reachable by id. */
const REQUIRED = [
  'zgc-sjs-park', 'ai-cluster', 'scifi-cluster', 'industrial-internet-park', 'vr-park',
  'finance-cetc-park', 'ai-block', 'future-digital-space', 'shougang-park', 'wulituo-hitech',
];

const drawnLayers = ['atlas-zones-fill', 'atlas-zones-envelope'];
const rendered = async (a: Awaited<ReturnType<typeof openAtlas>>) =>
  (await Promise.all(drawnLayers.map((l) => a.page.evaluate((layer) => window.__atlas!.rendered(layer), l)))).flat();

describe('zones on the map and in the list', () => {
  it('has every required zone in the data, with ZGC park, AI cluster and VR park in at least two versions', () => {
    for (const id of REQUIRED) expect(zones.some((z) => z.zone === id), id).toBe(true);
    for (const id of ['zgc-sjs-park', 'ai-cluster', 'vr-park']) expect(zones.filter((z) => z.zone === id).length, id).toBeGreaterThanOrEqual(2);
  });

  it('lists every required zone and draws the current version of every zone that has a geometry', async () => {
    const a = await openAtlas('?lang=zh');
    for (const id of REQUIRED) expect(await a.page.getByTestId(`place-zone-${id}`).count(), id).toBe(1);
    const onMap = await rendered(a);
    for (const z of zones.filter((z) => z.current && z.drawn)) expect(onMap, z.id).toContain(z.id);
    // A zone whose site is unknown is listed as unknown, never drawn.
    for (const z of zones.filter((z) => !z.drawn)) {
      expect(onMap).not.toContain(z.id);
      if (z.current) expect(await a.page.getByTestId(`place-zone-${z.zone}`).innerText()).toContain('位置未知');
    }
    await a.page.screenshot({ path: 'test-results/zones-zh.png' });
    a.expectClean();
    await a.context.close();
  });

  it('opens a link to a zone id selected and framed', async () => {
    const drawn = zones.find((z) => z.zone === 'scifi-cluster')!;
    const a = await openAtlas(`?lang=en&sel=zone:${drawn.zone}`, { locale: 'en-US' });
    await waitIdle(a.page);
    expect(await a.page.getByTestId(`place-zone-${drawn.zone}`).getAttribute('aria-current')).toBe('true');
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-selected'))).toEqual([drawn.id]);
    // Framed: zoomed in well beyond the district view.
    expect((await a.page.evaluate(() => window.__atlas!.camera())).zoom).toBeGreaterThan(13);
    a.expectClean();
    await a.context.close();
  });

  it('switches a zone to another version from the version picker', async () => {
    const a = await openAtlas('?lang=zh');
    const before = zones.find((z) => z.zone === 'zgc-sjs-park' && !z.current && z.drawn)!;
    const after = zones.find((z) => z.zone === 'zgc-sjs-park' && z.current)!;
    expect(await rendered(a)).toContain(after.id);
    await a.page.getByTestId(`version-${before.id}`).check();
    await waitIdle(a.page);
    const now = await rendered(a);
    expect(now).toContain(before.id);
    expect(now).not.toContain(after.id);
    expect(new URL(a.page.url()).searchParams.get('v')).toBe(`zgc-sjs-park:${before.id.replace('zgc-sjs-park-', '')}`);
    a.expectClean();
    await a.context.close();
  });

  it('reports a link to a zone that does not exist, and opens without it', async () => {
    const a = await openAtlas('?lang=en&sel=zone:no-such-zone', { locale: 'en-US' });
    expect(await a.page.getByTestId('url-problems').innerText()).toContain('sel');
    a.expectClean();
    await a.context.close();
  });
});

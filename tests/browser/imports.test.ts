/**
 * Imports that never misplace or lose data (issue 10, item 4), in the built app: each import
 * warning (datum suspicion with both readings on the map, accept and decline; far away with cancel;
 * EPSG:3857 converted), an 8 MB file that survives a reload and is drawn, a full store, corrupt
 * stored data. Files are made here (gcoord, the fixture writers, the seeded parcel generator).
 */
import { readFileSync } from 'node:fs';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, fixtureWriter, openAtlas, waitIdle } from './harness';
import { dbf, shpAndShx, zip, type Pos } from '../../scripts/fixtures/writers';
import { syntheticParcels } from '../../scripts/fixtures/parcels';

afterAll(closeBrowser);

const write = fixtureWriter('test-results/import-files');

const districts = JSON.parse(readFileSync('geodata/districts.geojson', 'utf8')) as { features: { properties: { id: string }; geometry: Polygon }[] };
const sjs = districts.features.find((f) => f.properties.id === 'shijingshan')!.geometry;
/** The district outline as traced on AMap: moved into GCJ-02 (gcoord mutates: a copy). */
const gcjOutline = gcoord.transform(structuredClone(sjs) as never, gcoord.WGS84, gcoord.GCJ02) as Polygon;
const gcjFile = write('traced-on-amap.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Traced outline' }, geometry: gcjOutline }] }));

/** A 600 m square at the district's middle in EPSG:4548 metres, with a .prj naming CM 114E. */
const EPSG_4548 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const square: Pos[] = [[116.19, 39.91], [116.197, 39.91], [116.197, 39.9154], [116.19, 39.9154], [116.19, 39.91]];
const inPlane = square.map((p) => proj4('+proj=longlat +ellps=GRS80', EPSG_4548).forward(p) as Pos);
const PRJ_114 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const { shp, shx } = shpAndShx([[inPlane]]);
const farFile = write('wrong-zone.zip', zip([['p.shp', shp], ['p.shx', shx], ['p.dbf', dbf([{ name: 'plot', code: 1 }], (s) => Buffer.from(s), 0)], ['p.prj', Buffer.from(PRJ_114)]]));

/** The same square in Web Mercator, declared in the crs member. */
const R = 6378137;
const merc = (p: Pos): Pos => [(R * p[0] * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (p[1] * Math.PI) / 360))];
const mercFile = write('web-export.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }, features: [{ type: 'Feature', properties: { name: 'Web square' }, geometry: { type: 'Polygon', coordinates: [square.map(merc)] } }] }));

const proposalIds = (a: Awaited<ReturnType<typeof openAtlas>>) =>
  a.page.evaluate(() => window.__atlas!.rendered('atlas-proposals-fill').filter((id) => id.startsWith('file-')));

describe('import warnings', () => {
  it('a GCJ-02 file opened as WGS84: asks, previews both readings, converts only when told', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles(gcjFile);
    const check = a.page.getByTestId('import-check');
    await check.waitFor();
    expect(await a.page.getByTestId('import-datum').innerText()).toMatch(/GCJ-02/);
    // Nothing added yet; both readings are drawn on the map.
    expect(await a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(0);
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-preview-as-is').length)).toBeGreaterThan(0);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-preview-converted').length)).toBeGreaterThan(0);
    await a.page.screenshot({ path: 'test-results/import-datum-preview.png' });
    // Focus is on the decision; the keyboard can take it.
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-convert');
    await a.page.keyboard.press('Enter');
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    await expect.poll(() => check.count()).toBe(0);
    // Converted: the card's area is the district's own (84.80 km², README) within its band.
    await expect.poll(() => a.page.getByTestId('card-area').innerText()).toMatch(/84\.\d/);
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-preview-as-is').length)).toBe(0);
    a.expectClean();
    await a.context.close();
  });

  it('declining keeps the file exactly as opened; cancelling adds nothing', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles(gcjFile);
    await a.page.getByTestId('import-keep').click();
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    await a.page.getByTestId('file-input').setInputFiles(gcjFile);
    await a.page.getByTestId('import-cancel').click();
    await expect.poll(() => a.page.getByTestId('import-outcome').innerText()).toMatch(/traced-on-amap\.geojson was not added/);
    expect(await a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    a.expectClean();
    await a.context.close();
  });

  it('a shapefile whose .prj names the neighbouring zone is flagged with the likely cause; cancel adds nothing', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    const before = await a.page.getByTestId('place-list').innerText();
    await a.page.getByTestId('file-input').setInputFiles(farFile);
    await a.page.getByTestId('import-check').waitFor();
    expect(await a.page.getByTestId('import-far').innerText()).toMatch(/1 of 1 features lie more than 20 km outside Shijingshan \(median 2\d\d km\)/);
    expect(await a.page.getByTestId('import-far-cause').innerText()).toMatch(/CM 114E.*EPSG:4548/);
    await a.page.getByTestId('import-cancel').click();
    await a.page.getByTestId('import-outcome').waitFor();
    expect(await a.page.getByTestId('place-list').innerText()).toBe(before);
    expect(await a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(0);
    a.expectClean();
    await a.context.close();
  });

  it('a GeoJSON in EPSG:3857 is converted and lands where it belongs', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles(mercFile);
    await expect.poll(() => a.page.getByTestId('card-title').innerText()).toBe('Web square');
    expect(await a.page.getByTestId('import-check').count()).toBe(0);
    // 7 mE-3 ° × 5.4e-3 ° at 39.91° N ≈ 597 m × 599 m ≈ 0.36 km².
    expect(await a.page.getByTestId('card-area').innerText()).toMatch(/0\.36/);
    await waitIdle(a.page);
    expect((await proposalIds(a)).length).toBe(1);
    a.expectClean();
    await a.context.close();
  });
});

describe('storage', () => {
  // Not a timed test (speed is in `npm run bench`): the long timeout is for a busy shared machine.
  it('an 8 MB file of 12,000 parcels survives a reload and is drawn, listed virtualised', { timeout: 300_000 }, async () => {
    const big = write('parcels-8mb.geojson', syntheticParcels({ features: 12_000 }));
    // Reading 8 MB takes longer than 300 ms: the progress indicator shows (hidden for the first
    // 300 ms by a CSS animation's delay). It shows for well under a second here, so its showing is
    // recorded by the page itself, at the animation's end (a poll once per frame could miss it when
    // SwiftShader draws few frames on a busy machine).
    const a = await openAtlas('?lang=en', {
      locale: 'en-US',
      before: (page) =>
        page.addInitScript(() => {
          document.addEventListener(
            'animationend',
            (e) => {
              const el = e.target as Element;
              if (el.matches('[data-testid="import-progress"]') && getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().height > 0)
                (window as unknown as { __progressShown: boolean }).__progressShown = true;
            },
            true,
          );
        }),
    });
    await a.page.getByTestId('file-input').setInputFiles(big);
    await a.page.waitForFunction(() => (window as unknown as { __progressShown?: boolean }).__progressShown === true, undefined, { timeout: 60_000 });
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount()), { timeout: 120_000 }).toBe(12_000);
    await a.page.getByTestId('proposal-list').locator('li').first().waitFor();
    // Virtualised: a few dozen rows in the DOM, not 12,000.
    const rows = await a.page.getByTestId('proposal-list').locator('li').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(60);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.savesPending()), { timeout: 120_000 }).toBe(0);
    await a.page.reload();
    await a.page.waitForFunction(() => window.__atlas?.ready === true);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount()), { timeout: 120_000 }).toBe(12_000);
    await waitIdle(a.page);
    // Drawn, not only listed (restored proposals used to be listed on empty ground).
    await expect.poll(async () => (await proposalIds(a)).length, { timeout: 60_000 }).toBeGreaterThan(1000);
    // Restored proposals are drawn from the proposals' own tiles (no GeoJSON source per file).
    expect(await a.page.evaluate(() => window.__atlas!.styleSummary().sources.filter((s) => s.includes('zones') || s.includes('proposals')))).toEqual(['atlas-zones', 'atlas-proposals']);
    expect(await a.page.getByTestId('storage-notice').count()).toBe(0);
    await a.page.screenshot({ path: 'test-results/import-8mb-restored.png' });
    a.expectClean();
    await a.context.close();
  });

  it('says so when the store is full, and keeps the file open', async () => {
    const a = await openAtlas('?lang=en', {
      locale: 'en-US',
      before: (page) =>
        page.addInitScript(() => {
          // What Chromium does when the origin's quota is used up.
          IDBObjectStore.prototype.put = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        }),
    });
    await a.page.getByTestId('file-input').setInputFiles(mercFile);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    await expect.poll(() => a.page.getByTestId('storage-notice').innerText()).toMatch(/storage is full/);
    a.expectClean();
    await a.context.close();
  });

  it('skips corrupt stored data with a message, keeps what is valid, and never breaks', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles(mercFile);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.savesPending())).toBe(0);
    // Tamper with the stored entry: one valid proposal, one broken one.
    await a.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('shijingshan-atlas');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('kv', 'readwrite');
            const store = tx.objectStore('kv');
            const get = store.get('proposals');
            get.onsuccess = () => {
              const v = get.result as { format: string; json: string };
              const zones = JSON.parse(v.json) as unknown[];
              store.put({ ...v, json: JSON.stringify([...zones, { type: 'Feature', properties: { id: 'x' }, geometry: 'broken' }]) }, 'proposals');
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await a.page.reload();
    await a.page.waitForFunction(() => window.__atlas?.ready === true);
    await expect.poll(() => a.page.getByTestId('storage-notice').innerText()).toMatch(/1 stored polygons could not be read and were skipped/);
    expect(await a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    // Entirely unreadable: reported, nothing restored, the app works.
    await a.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('shijingshan-atlas');
          open.onsuccess = () => {
            const tx = open.result.transaction('kv', 'readwrite');
            tx.objectStore('kv').put({ format: 'atlas-proposals/2', json: '{not json' }, 'proposals');
            tx.oncomplete = () => resolve();
          };
        }),
    );
    await a.page.reload();
    await a.page.waitForFunction(() => window.__atlas?.ready === true);
    await expect.poll(() => a.page.getByTestId('storage-notice').innerText()).toMatch(/could not be read and were skipped/);
    expect(await a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(0);
    a.expectClean();
    await a.context.close();
  });
});

describe('proposals beside the official versions (issue 10, item 5: data model)', () => {
  it('a file polygon with zone/version is its own entry, attached; the official version stays everywhere', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    const versionsBefore = await a.page.getByTestId('versions').innerText();
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/zgc-after-3800m-square.geojson');
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposalCount())).toBe(1);
    // The version picker still offers the official versions, unchanged.
    expect(await a.page.getByTestId('versions').innerText()).toBe(versionsBefore);
    expect(await a.page.getByTestId('version-zgc-sjs-park-after').count()).toBe(1);
    // The park keeps its name in the list; the proposal is listed under the planner's files, saying what it is for.
    const list = a.page.getByTestId('place-list');
    expect(await list.getByTestId('place-zone-zgc-sjs-park').innerText()).toMatch(/Zhongguancun Shijingshan Park|ZGC/);
    expect(await a.page.getByTestId('proposal-list').innerText()).toMatch(/ZGC park proposal, 3\.8 km square\s*proposal for .*\(after/);
    // The audit checks the claim about "after" against both, official row first.
    await a.page.getByTestId('tab-audit').click();
    await a.page.getByTestId('audit-summary').waitFor();
    const claims = await a.page.getByTestId('audit-table-claims').innerText();
    // The app's audit reads with names: the claim is named by what it measures.
    const rows = claims.split('\n').filter((l) => l.includes("Area of ZGC Shijingshan Park after ZGC's new round of spatial adjustment"));
    expect(rows.length).toBe(2);
    expect(rows[0]).toMatch(/Zhongguancun Shijingshan Park · after the adjustment/);
    expect(rows[1]).toMatch(/ZGC park proposal, 3\.8 km square.*consistent/);
    a.expectClean();
    await a.context.close();
  });
});

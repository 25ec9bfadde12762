/**
 * Planner files at any size (issue #17), in the built app: a polygon of 100,000 vertices is listed;
 * a 1,000,000-vertex import can be cancelled and leaves nothing behind; a zip bomb is refused with
 * its size; a broken file's message is Chinese in the Chinese UI; a reload in the middle of a save
 * asks first, then keeps the previous save and says what was not kept. Files are made here (the
 * bench's generators); timings are in `npm run bench`, not here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, fixtureWriter, openAtlas, waitIdle } from './harness';
import { surveyedBoundary } from '../../scripts/fixtures/parcels';
import { zipBomb } from '../../scripts/fixtures/writers';

afterAll(closeBrowser);

const write = fixtureWriter('test-results/hostile-files');
const count = (a: Awaited<ReturnType<typeof openAtlas>>) => a.page.evaluate(() => window.__atlas!.proposalCount());

describe('polygons of any vertex count', () => {
  it('lists and draws one polygon of 100,000 vertices', { timeout: 120_000 }, async () => {
    const file = write('boundary-100k.geojson', surveyedBoundary(100_000));
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => count(a), { timeout: 60_000 }).toBe(1);
    expect(await a.page.getByTestId('proposal-list').innerText()).toMatch(/Surveyed boundary, 100000 vertices/);
    expect(await a.page.getByTestId('file-issues').count()).toBe(0);
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-proposals-fill'))).toHaveLength(1);
    a.expectClean();
    await a.context.close();
  });

  it('a 1,000,000-vertex import offers Cancel after 2 s; Cancel stops it and leaves nothing behind', { timeout: 120_000 }, async () => {
    const file = write('boundary-1m.geojson', surveyedBoundary(1_000_000));
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    const listBefore = await a.page.getByTestId('place-list').innerText();
    await a.page.getByTestId('file-input').setInputFiles(file);
    const stop = a.page.getByTestId('import-stop');
    // Hidden for the import's first 2 s, then shown (the import of 1,000,000 vertices takes longer).
    await a.page.waitForFunction(() => {
      const b = document.querySelector('[data-testid="import-stop"]');
      return !!b && getComputedStyle(b).visibility === 'visible';
    }, undefined, { timeout: 30_000, polling: 50 });
    await stop.click();
    expect(await a.page.getByTestId('import-outcome').innerText()).toMatch(/boundary-1m\.geojson was not added/);
    expect(await a.page.getByTestId('import-progress').count()).toBe(0);
    // Nothing added, listed, reported or stored; the place list is as it was.
    expect(await count(a)).toBe(0);
    expect(await a.page.getByTestId('file-issues').count()).toBe(0);
    expect(await a.page.getByTestId('place-list').innerText()).toBe(listBefore);
    expect(await a.page.evaluate(() => window.__atlas!.savesPending())).toBe(0);
    expect(await a.page.evaluate(() => localStorage.getItem('shijingshan-atlas.proposals.stored'))).toBeNull();
    // The stopped worker never delivers: the next file is read by a new one, and is the only one added.
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/zgc-after-3800m-square.geojson');
    await expect.poll(() => count(a)).toBe(1);
    expect(await a.page.evaluate(() => window.__atlas!.proposals().map((p) => p.name))).toEqual(['ZGC park proposal, 3.8 km square']);
    a.expectClean();
    await a.context.close();
  });
});

describe('archives', () => {
  it('refuses a zip bomb at once, saying how large it would be and what to do', async () => {
    // 2 GiB of zeros as plots.shp, about 2 MB on disk.
    const file = write('bomb.zip', zipBomb('plots.shp', 2 * 2 ** 30));
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles(file);
    const issues = a.page.getByTestId('file-issues');
    await issues.waitFor();
    expect(await issues.innerText()).toMatch(/bomb\.zip — the archive would expand to 2\.1 GB \(plots\.shp alone 2\.1 GB\), more than the 1 GB the Atlas reads from one archive: split the layer/);
    expect(await count(a)).toBe(0);
    a.expectClean();
    await a.context.close();
  });
});

describe('messages in the UI language', () => {
  it('a broken file opened in the Chinese UI says what is wrong in Chinese; file and field stay as they are', async () => {
    const a = await openAtlas('?lang=zh');
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/bowtie.geojson');
    const issues = a.page.getByTestId('file-issues');
    await issues.waitFor();
    const text = await issues.innerText();
    expect(text).toMatch(/bowtie\.geojson ?· file-bow-tie ?· geometry\.coordinates — 自相交于 \[116\.185000, 39\.915000\]/);
    expect(text).toMatch(/bowtie\.geojson ?· file-bow-tie ?· geometry\.coordinates\[0\] — 外环为顺时针；RFC 7946 要求逆时针/);
    expect(text).not.toMatch(/self-intersection|clockwise/);
    a.expectClean();
    await a.context.close();
  });
});

describe('no silent loss on close', () => {
  it('asks before a reload while a save is pending; after one, the previous save is back and what was lost is named', { timeout: 120_000 }, async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/zgc-after-3800m-square.geojson');
    await expect.poll(() => count(a)).toBe(1);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.savesPending())).toBe(0);
    // From here on the record that completes a save is never committed: its transaction is kept
    // busy, as a slow disk would, so the next save is still under way when the page reloads.
    await a.page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const request = put.call(this, value, key);
        if (key === 'proposals') {
          const spin = () => (this.get('spin').onsuccess = spin);
          spin();
        }
        return request;
      };
    });
    // A person's click: browsers ask before unloading only a page that was interacted with.
    await a.page.getByTestId('tab-explore').click();
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/rare-glyphs.geojson');
    await expect.poll(() => count(a)).toBe(2);
    expect(await a.page.evaluate(() => window.__atlas!.savesPending())).toBe(1);
    const dialogs: string[] = [];
    a.page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await a.page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await a.page.waitForFunction(() => window.__atlas?.ready === true);
    // The previous save came back whole, and the notice names the file whose polygon was not kept.
    await expect.poll(() => a.page.getByTestId('storage-notice').innerText(), { timeout: 30_000 }).toMatch(
      /The page was closed while your files were being saved, so the last changes were not kept: rare-glyphs\.geojson \(1 polygons\)\. The save before them came back \(1 polygons\)\./,
    );
    expect(await a.page.evaluate(() => window.__atlas!.proposals().map((p) => p.name))).toEqual(['ZGC park proposal, 3.8 km square']);
    a.expectClean();
    await a.context.close();
  });
});

/**
 * Issue #19 in the browser, as a visitor reads it: the talent community's drawn plot as a lower
 * bound (never "0 ± 10 ha"), Shougang Park under its own name with the interview's wording on its
 * card, and search that lists a place named for the words first. On the real data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);
mkdirSync('test-results', { recursive: true });

const zonesFile = JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')) as { features: { properties: Record<string, unknown> }[] };
const park = zonesFile.features.find((f) => f.properties.id === 'shougang-park')!.properties as { name: { zh: string; en: string }; named_as: { phrase: string }[] };

describe("the talent community's card", () => {
  for (const [lang, locale, pattern, partOf] of [
    ['en', 'en-US', /^at least (\d[\d.]*) ha \(1 of 10 plots drawn\)$/, park.name.en],
    ['zh', 'zh-CN', /^至少 (\d[\d.]*) 公顷（已绘出10个地块中的1个）$/, park.name.zh],
  ] as const)
    it(`${lang}: reads the drawn plot as "at least …" with the plots drawn, and names its parent ${partOf}`, async () => {
      const a = await openAtlas(`?lang=${lang}&sel=zone:shougang-talent-community`, { locale, deviceScaleFactor: 1 });
      const readout = a.page.getByTestId('card-area-readout');
      await readout.waitFor();
      const text = await readout.innerText();
      expect(text).toMatch(pattern);
      expect(Number(pattern.exec(text)![1])).toBeGreaterThan(0);
      expect(await readout.getAttribute('data-kind')).toBe('at-least');
      // The drawn plot's own area and band beside it, and no zero anywhere in the area block.
      expect(await a.page.getByTestId('card-area-beside').innerText()).toMatch(/[1-9][\d.]* ± [\d.]+ (ha|公顷)/);
      expect(await a.page.getByTestId('card-area').innerText()).not.toMatch(/(^|[^\d.])0 ±/);
      expect(await a.page.getByTestId('card-part-of').innerText()).toBe(partOf);
      // Nor a station 30 m away read as "0.0 ± 0.2 km" (a station inside reads "inside").
      expect(await a.page.getByTestId('card-stations').innerText()).not.toMatch(/(^|[^\d.])0(\.0+)? ±/);
      await waitIdle(a.page);
      await a.page.screenshot({ path: `test-results/card-talent-community-${lang}.png` });
      a.expectClean();
      await a.context.close();
    });

  it("Shougang Park's card says how the interview words its name", async () => {
    const a = await openAtlas('?lang=en&sel=zone:shougang-park', { locale: 'en-US' });
    await a.page.getByTestId('card-title').waitFor();
    expect(await a.page.getByTestId('card-title').innerText()).toBe(park.name.en);
    // The wording is a quotation (<q>, in Chinese: its quotation marks come from the style).
    const named = a.page.getByTestId('card-named-as');
    expect(await named.innerText()).toBe(`The interview calls it ${park.named_as[0]!.phrase}`);
    expect(await named.locator('q[lang="zh-Hans"]').innerText()).toBe(park.named_as[0]!.phrase);
    await a.page.getByTestId('lang-toggle').click();
    await expect.poll(() => named.innerText()).toBe(`访谈中称之为 ${park.named_as[0]!.phrase}`);
    expect(await a.page.getByTestId('card-title').innerText()).toBe(park.name.zh);
    await a.page.screenshot({ path: 'test-results/card-shougang-park-zh.png' });
    a.expectClean();
    await a.context.close();
  });
});

describe('search lists the place named for the words first (issue #19)', () => {
  const zones = JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')).features as { properties: { zone: string; name: { zh: string; en: string } } }[];
  const nameOf = (id: string, lang: 'zh' | 'en') => zones.find((z) => z.properties.zone === id)!.properties.name[lang];

  for (const [q, id, lang] of [
    ['science fiction', 'scifi-cluster', 'en'],
    ['虚拟现实', 'vr-park', 'zh'],
  ] as const)
    it(`"${q}" lists ${id} first`, async () => {
      const a = await openAtlas(`?lang=${lang}`, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
      await a.page.getByTestId('search-input').fill(q);
      const first = a.page.getByTestId('search-results').getByRole('option').first();
      await first.waitFor();
      expect(await first.getAttribute('data-testid')).toBe(`search-hit-zone-${id}`);
      expect(await first.innerText()).toContain(nameOf(id, lang));
      if (q === 'science fiction') await a.page.screenshot({ path: 'test-results/search-science-fiction.png' });
      await a.page.getByTestId('search-input').press('Enter');
      await expect.poll(() => a.page.getByTestId('card-title').innerText()).toBe(nameOf(id, lang));
      a.expectClean();
      await a.context.close();
    });

  it('"office space" finds places with floor space and says why', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await a.page.getByTestId('search-input').fill('office space');
    await a.page.getByTestId('search-results').getByRole('option').first().waitFor();
    const why = await a.page.getByTestId('search-why').allInnerTexts();
    expect(why.filter((w) => w === 'has floor-space figures').length).toBeGreaterThan(0);
    // Only places: no district or station.
    const ids = await a.page.getByTestId('search-results').getByRole('option').evaluateAll((os) => os.map((o) => o.getAttribute('data-testid')!));
    expect(ids.filter((id) => !/^search-hit-(zone|point)-/.test(id))).toEqual([]);
    a.expectClean();
    await a.context.close();
  });
});

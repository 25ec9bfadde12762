// Issue #8 in the browser: placed features say why they are where they are, wide bands read as
// ranges or bounds in words, unknown places say what was searched, and figures of other sources are
// shown apart from the interview's, with their year; floor space apart from land.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

type Ev = { source: string; phrase: string; supports: { zh: string; en: string } };
const zones = JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')).features as { properties: { id: string; zone: string; evidence: Ev[]; searched?: { zh: string; en: string } }; geometry: unknown }[];
const zone = (id: string) => zones.find((z) => z.properties.id === id)!;

describe('cards tell where a place is from, and how sure the Atlas is', () => {
  it('shows "Why here" with the source phrases on a placed zone, in both languages', async () => {
    const talent = zone('shougang-talent-community').properties;
    expect(talent.evidence.length).toBeGreaterThan(1);
    const a = await openAtlas('?lang=en&sel=zone:shougang-talent-community', { locale: 'en-US' });
    const why = a.page.getByTestId('card-why');
    await why.waitFor();
    expect(await a.page.locator('h3', { hasText: 'Why here' }).count()).toBe(1);
    const text = await why.innerText();
    for (const e of talent.evidence) expect(text).toContain(e.supports.en);
    // The sources' own words (Chinese here) are in the card's data details, with what each supports.
    await a.page.getByTestId('card-details').locator('summary').click();
    const details = await a.page.getByTestId('card-details-why').innerText();
    for (const e of talent.evidence) {
      expect(details).toContain(e.phrase);
      expect(details).toContain(e.supports.en);
    }
    await a.page.screenshot({ path: 'test-results/card-why-en.png' });
    await a.page.getByTestId('lang-toggle').click();
    await expect.poll(() => a.page.locator('h3', { hasText: '位置依据' }).count()).toBe(1);
    expect(await why.innerText()).toContain(talent.evidence[0]!.supports.zh);
    a.expectClean();
    await a.context.close();
  });

  it('reads a band wider than half the area as a range or "≈ value ± band" in words, never as "0 ± …"', async () => {
    const a = await openAtlas('?lang=en&sel=zone:scifi-cluster', { locale: 'en-US' });
    const readout = a.page.getByTestId('card-area-readout');
    await readout.waitFor();
    const text = await readout.innerText();
    expect(text).toMatch(/^(\d[\d.]*–\d[\d.]* (km²|ha), rough sketch|≈ \d[\d.]* ± \d[\d.]* (km²|ha), rough sketch)$/);
    // The drawn area is never read as zero (issue #19).
    expect(text).not.toMatch(/(^|[^\d.])0 (±|km²|ha)/);
    expect(['range', 'approx']).toContain(await readout.getAttribute('data-kind'));
    // The other units, or the drawn outline's numbers, stay available beside it.
    expect(await a.page.getByTestId('card-area-beside').innerText()).toMatch(/^(= [\d.]+ ± [\d.]+ (km²|ha) = [\d.,]+ ± [\d.,]+ 亩|drawn outline: [\d.]+ ± [\d.]+ (km²|ha))$/);
    await a.page.screenshot({ path: 'test-results/card-range-en.png' });
    // An envelope is only an upper bound.
    await a.page.goto(new URL('?lang=zh&sel=zone:wulituo-hitech', a.page.url()).href);
    await a.page.getByTestId('card-area-readout').waitFor();
    expect(await a.page.getByTestId('card-area-readout').innerText()).toMatch(/^至多 \d+ 平方公里（粗略范围）$/);
    a.expectClean();
    await a.context.close();
  });

  it('keeps "value ± band" where the band is narrow (the Shougang North Area)', async () => {
    const a = await openAtlas('?lang=en&sel=zone:shougang-north', { locale: 'en-US' });
    const readout = a.page.getByTestId('card-area-readout');
    await readout.waitFor();
    expect(await readout.innerText()).toMatch(/^\d(\.\d+)? ± \d(\.\d+)? km²$/);
    a.expectClean();
    await a.context.close();
  });

  it('shows other sources apart from the interview, with their year, and floor space apart from land', async () => {
    const a = await openAtlas('?lang=en&sel=zone:shougang-north', { locale: 'en-US' });
    const other = a.page.getByTestId('card-claims-other');
    await other.waitFor();
    expect(await a.page.getByTestId('card-claims-interview').count()).toBe(0);
    const o = await other.innerText();
    expect(o).toContain('2.91 km²');
    expect(o).toContain('(2019 figure)');
    expect(o).toMatch(/Southern Metropolis Daily/);
    await a.page.getByTestId('card-details').locator('summary').click();
    expect(await a.page.getByTestId('card-details').innerText()).toContain('首钢园区北区共占地2.91平方公里');
    const floor = await a.page.getByTestId('card-floor').innerText();
    expect(floor).toContain('1,820,000 m²');
    expect(o).not.toContain('1,820,000');
    a.expectClean();
    await a.context.close();
  });

  it('says what was searched for a place whose position is unknown, and draws nothing for it', async () => {
    const fds = zone('future-digital-space');
    expect(fds.geometry).toBeNull();
    const a = await openAtlas('?lang=en&sel=zone:future-digital-space', { locale: 'en-US' });
    await a.page.getByTestId('card-searched').waitFor();
    expect(await a.page.getByTestId('card-searched').innerText()).toBe(fds.properties.searched!.en);
    await waitIdle(a.page);
    const drawn = await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-fill'));
    expect(drawn).not.toContain('future-digital-space');
    expect(drawn).toContain('shougang-talent-community');
    a.expectClean();
    await a.context.close();
  });
});

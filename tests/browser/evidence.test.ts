// Issue #8 in the browser: placed features say why they are where they are, wide bands read as
// ranges or bounds in words, unknown places say what was searched, and figures of other sources are
// shown apart from the interview's, with their year; floor space apart from land.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

type Ref = { kind: 'street' | 'junction' | 'station'; id: string };
type Ev = { source: string; phrase: string; supports: { zh: string; en: string }; refs?: Ref[] };
type Named = { properties: { id: string; street?: string; layer?: string; name?: { zh: string; en: string } }; geometry: { type: string; coordinates: number[] } };
const zones = JSON.parse(readFileSync('geodata/zones.geojson', 'utf8')).features as { properties: { id: string; zone: string; current: boolean; evidence: Ev[]; searched?: { zh: string; en: string } }; geometry: unknown }[];
const zone = (id: string) => zones.find((z) => z.properties.id === id)!;
const read = (f: string) => JSON.parse(readFileSync(`geodata/${f}`, 'utf8')).features as Named[];
const geography = { street: read('streets.geojson'), junction: read('junctions.geojson'), station: read('context.geojson') };

/** The Shougang North Area: its evidence and its edges name streets, junctions and stations (issue #16). */
type Edge = { side: string; follows: { zh: string; en: string }; refs: Ref[]; accuracy_m: number };
const target = zones.find((z) => z.properties.id === 'shougang-north')! as (typeof zones)[number] & { properties: { provenance: { edges: Edge[] } } };
const withRefs = target.properties.evidence.filter((e) => (e.refs?.length ?? 0) > 0);
const targetRefs = withRefs.find((e) => e.refs!.length > 1)!.refs!;
/** Which of the card's reference groups (one per piece of evidence that names places) is the one tested. */
const targetGroup = withRefs.findIndex((e) => e.refs === targetRefs);
/** The English name a reference's control shows, and the ids of its features on the map. */
const refName = (r: Ref) => (r.kind === 'street' ? geography.street.find((s) => s.properties.street === r.id) : geography[r.kind].find((f) => f.properties.id === r.id))!.properties.name!.en;

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

  it('points at the streets, junctions and stations a source names, by keyboard: focus highlights, Enter frames them beside the outline and keeps them (screenshot)', async () => {
    const a = await openAtlas(`?lang=en&sel=zone:${target.properties.zone}`, { locale: 'en-US' });
    const { page } = a;
    await page.getByTestId('card-why-refs').first().waitFor();
    await waitIdle(page);
    // What the map draws of each reference in view (a filter change reaches the map a frame or two later: poll, never sleep).
    const lit = (kind: Ref['kind']) => page.evaluate((l) => window.__atlas!.rendered(l), `atlas-refs-${kind}`);
    const idOnMap = (r: Ref) => (r.kind === 'street' ? geography.street.filter((s) => s.properties.street === r.id).map((s) => s.properties.id) : [r.id]);
    const allLit = async () => (await Promise.all(targetRefs.map(async (r) => (await lit(r.kind)).some((id) => idOnMap(r).includes(id))))).every(Boolean);
    const kinds = [...new Set(targetRefs.map((r) => r.kind))];
    for (const k of kinds) expect(await lit(k)).toEqual([]);

    // Screen readers hear what each control shows, and where; with several places, one control shows them all.
    const label = (r: Ref) => (r.kind === 'station' ? `Show ${refName(r)} on the map` : `Show ${r.kind} ${refName(r)} on the map`);
    const why = page.getByTestId('card-why-refs').nth(targetGroup);
    for (const r of targetRefs) expect(await why.getByRole('button', { name: label(r), exact: true }).count()).toBe(1);
    const many = targetRefs.length > 1;
    const control = many ? why.getByRole('button', { name: `Show all ${targetRefs.length} places it names on the map`, exact: true }) : why.getByRole('button', { name: label(targetRefs[0]!), exact: true });
    expect(await control.getAttribute('aria-pressed')).toBe('false');

    // Tab from the card's title to that control: what it names lights up.
    await page.getByTestId('card-title').focus();
    for (let i = 0; i < 80 && !(await control.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await control.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await Promise.all(kinds.map(lit))).flat().length).toBeGreaterThan(0);

    // Enter: framed beside the outline (every reference now in view), and still shown once the focus moves on.
    const before = await page.evaluate(() => window.__atlas!.camera());
    await page.keyboard.press('Enter');
    expect(await control.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.evaluate(() => window.__atlas!.camera())).not.toEqual(before);
    await waitIdle(page);
    await expect.poll(allLit).toBe(true);
    await page.getByTestId('card-title').focus();
    await waitIdle(page);
    await expect.poll(allLit).toBe(true);
    await page.screenshot({ path: 'test-results/why-here-refs.png' });

    // One place's own control takes the highlight over while focused.
    if (many) {
      const last = targetRefs.at(-1)!;
      await why.getByRole('button', { name: label(last), exact: true }).focus();
      await expect.poll(async () => (await Promise.all(kinds.filter((k) => k !== last.kind).map(lit))).flat()).toEqual([]);
      await expect.poll(async () => { const on = await lit(last.kind); return on.length > 0 && on.every((id) => idOnMap(last).includes(id)); }).toBe(true);
    }

    // Enter again lets go.
    await control.focus();
    await page.keyboard.press('Enter');
    expect(await control.getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('card-title').focus();
    await expect.poll(async () => (await Promise.all(kinds.map(lit))).flat()).toEqual([]);

    // The outline's edges, in the data details, with the same controls.
    const edge = target.properties.provenance.edges.find((e) => e.refs.length > 1)!;
    await page.getByTestId('card-details').locator('summary').click();
    expect(await page.getByTestId('card-edges').innerText()).toContain(edge.follows.en);
    expect(await page.getByTestId('card-edges').innerText()).toContain(`±${edge.accuracy_m} m`);
    expect(await page.getByTestId('card-edge-refs').getByRole('button', { name: `Show all ${edge.refs.length} places it names on the map` }).count()).toBeGreaterThan(0);
    a.expectClean();
    await a.context.close();
  });
});

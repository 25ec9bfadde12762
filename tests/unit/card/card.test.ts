/**
 * Issue #19 on the cards, on the real data:
 * Shougang Park named 首钢园 / Shougang Park everywhere, the interview's wording on its card, and the
 * talent community's drawn plot read as a lower bound with how many of its plots are drawn.
 */
import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import { cardFor } from '../../../src/lib/card/card';
import { areaReadoutOf, besideText, readoutText } from '../../../src/lib/card/areaText';
import { siteCardFacts } from '../../../src/lib/share/facts';
import { loadRealData } from '../geodata';

const real = loadRealData();
const shown = (d = real.data) => d.zones.filter((z) => z.properties.current);
const card = (id: string, d = real.data) => cardFor(d, shown(d), { type: 'zone', id })!;

describe("the talent community's card", () => {
  const c = card('shougang-talent-community');
  const geom = real.data.zones.find((z) => z.properties.id === 'shougang-talent-community')!.geometry!;
  // Spherical area (turf) as an independent reference: within 0.2 % of the ellipsoidal one here.
  const ha = turfArea({ type: 'Feature', properties: {}, geometry: geom }) / 1e4;

  it('reads the drawn plot as a lower bound with how many of the ten plots are drawn, never 0', () => {
    const r = areaReadoutOf(c.area!, 'partial', c.plots);
    const en = readoutText(r, 'en');
    const zh = readoutText(r, 'zh');
    expect(en).toMatch(/^at least [\d.]+ ha \(1 of 10 plots drawn\)$/);
    expect(zh).toMatch(/^至少 [\d.]+ 公顷（已绘出10个地块中的1个）$/);
    const shownHa = parseFloat(en.slice('at least '.length));
    // Two significant digits, rounded down: at most the area, within one step of it.
    expect(shownHa).toBeGreaterThan(0);
    expect(shownHa).toBeLessThanOrEqual(ha * 1.002);
    expect(shownHa).toBeGreaterThan(ha * 0.9);
    expect(besideText(c.area!, r, 'en')).toMatch(/^drawn outline: [\d.]+ ± [\d.]+ ha$/);
    expect(besideText(c.area!, r, 'en')).not.toMatch(/\b0 ±/);
  });

  it('names its parent Shougang Park, without the talent community in brackets', () => {
    expect(c.partOf.map((p) => p.name.en)).toEqual(['Shougang Park']);
    expect(c.partOf.map((p) => p.name.zh)).toEqual(['首钢园']);
  });

  it('degrades to "only some plots drawn" where the data gives no plot count', () => {
    const real = loadRealData().data;
    const data = { ...real, zones: real.zones.map((z) => (z.properties.id === 'shougang-talent-community' ? { ...z, properties: { ...z.properties, plots_total: undefined } } : z)) };
    const plain = card('shougang-talent-community', data);
    expect(plain.plots).toEqual({ drawn: 1 });
    expect(readoutText(areaReadoutOf(plain.area!, 'partial', plain.plots), 'en')).toMatch(/^at least [\d.]+ ha \(only some plots drawn\)$/);
  });

  it('gives the same readout on the site card', () => {
    const lines = siteCardFacts(real.data, c, 'zh').flatMap((s) => s.lines);
    expect(lines).toContain(readoutText(areaReadoutOf(c.area!, 'partial', c.plots), 'zh'));
  });
});

describe("Shougang Park's card", () => {
  it('is named 首钢园 / Shougang Park and says how the interview words it', () => {
    const c = card('shougang-park');
    expect(c.name).toMatchObject({ zh: '首钢园', en: 'Shougang Park' });
    expect(c.namedAs).toEqual([{ source: 'interview-2026', phrase: '首钢园(国际人才社区)', lang: 'zh' }]);
    // The talent community is listed inside it, by its own name.
    expect(c.inside.map((i) => i.id)).toContain('shougang-talent-community');
  });
});

describe("the ZGC Shijingshan Park card (issue #16: the sci-fi cluster drawn as two plots)", () => {
  it('lists the sci-fi cluster inside it once, though both of its plots are the park’s', () => {
    const c = card('zgc-sjs-park');
    const ids = c.inside.map((i) => `${i.type}:${i.id}`);
    expect(ids.filter((i) => i === 'zone:scifi-cluster')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaReadout, areaReadoutOf, besideText, ceil2, floor2, readoutText, valueBandText } from '../../../src/lib/card/areaText';
import { bandFromMeasure } from '../../../src/lib/geo/uncertainty';
import type { ZoneExtent } from '../../../src/lib/data/schema';
import type { Lang } from '../../../src/lib/i18n';

const text = (value: number, band: number, extent: ZoneExtent, unit: 'km2' | 'ha', lang: Lang, plots?: { drawn: number; total?: number }) =>
  readoutText({ readout: areaReadout(value, band, extent, plots), unit }, lang);

/** Every number written in a text, as a value ("1,080" → 1080). */
const numbersIn = (s: string) => (s.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));

describe('area readouts a visitor can use', () => {
  it('keeps value ± band while the band is at most half the value', () => {
    expect(areaReadout(14.43, 0.21, 'outline')).toEqual({ kind: 'band', value: 14.4, band: 0.2, fractionDigits: 1 });
  });

  it('turns a band wider than half the value into a range rounded outward', () => {
    // 0.92 ± 0.6 → 0.32 … 1.52: shown as 0.32–1.6 (high rounded up, low rounded down).
    expect(areaReadout(0.92, 0.6, 'outline')).toEqual({ kind: 'range', low: 0.32, high: 1.6 });
  });

  it('keeps the value of an outline whose band reaches zero, as "≈ value ± band" (1 ± 3 would read as nothing)', () => {
    expect(areaReadout(0.92, 2.8, 'outline')).toEqual({ kind: 'approx', value: 0.92, band: 2.8 });
  });

  it('reads an envelope only as an upper bound, never as a value', () => {
    expect(areaReadout(19.4, 0.5, 'envelope')).toEqual({ kind: 'at-most', high: 20 });
  });

  it('reads a partial zone as at least its drawn plots, however wide their band', () => {
    expect(areaReadout(3, 1, 'partial')).toEqual({ kind: 'at-least', low: 3 });
    expect(areaReadout(3.34, 11, 'partial', { drawn: 1, total: 10 })).toEqual({ kind: 'at-least', low: 3.3, plots: { drawn: 1, total: 10 } });
  });

  it('reads nothing measurable only when there is no area', () => {
    expect(areaReadout(0, 1, 'outline')).toEqual({ kind: 'none' });
  });

  it('rounds to two significant digits outward', () => {
    expect([floor2(0.329), ceil2(1.51), floor2(19.9), ceil2(19.41), ceil2(0.04)]).toEqual([0.32, 1.6, 19, 20, 0.04]);
  });
});

describe('area readouts in words (issue #19: small values with large bands)', () => {
  it('reads a range and an envelope bound in the UI language, with the unit words of each catalogue', () => {
    expect(text(0.92, 0.6, 'outline', 'km2', 'en')).toBe('0.32–1.6 km², rough sketch');
    expect(text(0.92, 0.6, 'outline', 'km2', 'zh')).toBe('0.32–1.6 平方公里（粗略草图）');
    expect(text(19.4, 30, 'envelope', 'km2', 'en')).toBe('at most 50 km² (rough envelope)');
  });

  it('3.34 ha ± 11 ha: a partial zone reads "at least 3.3 ha" with how many plots are drawn', () => {
    expect(text(3.34, 11, 'partial', 'ha', 'en', { drawn: 1, total: 10 })).toBe('at least 3.3 ha (1 of 10 plots drawn)');
    expect(text(3.34, 11, 'partial', 'ha', 'zh', { drawn: 1, total: 10 })).toBe('至少 3.3 公顷（已绘出10个地块中的1个）');
  });

  it('3.34 ha ± 11 ha: without a published plot count it still says only some plots are drawn', () => {
    expect(text(3.34, 11, 'partial', 'ha', 'en', { drawn: 1 })).toBe('at least 3.3 ha (only some plots drawn)');
    expect(text(3.34, 11, 'partial', 'ha', 'zh')).toBe('至少 3.3 公顷（仅绘出部分地块）');
  });

  it('3.34 ha ± 11 ha: an outline reads ≈ value ± band, an envelope at most value + band', () => {
    expect(text(3.34, 11, 'outline', 'ha', 'en')).toBe('≈ 3.3 ± 11 ha, rough sketch');
    expect(text(3.34, 11, 'outline', 'ha', 'zh')).toBe('≈ 3.3 ± 11 公顷（粗略草图）');
    expect(text(3.34, 11, 'envelope', 'ha', 'en')).toBe('at most 15 ha (rough envelope)');
    expect(text(3.34, 11, 'envelope', 'ha', 'zh')).toBe('至多 15 公顷（粗略范围）');
  });

  it('0.4 km² ± 0.7 km²: an outline keeps its value, a partial zone is at least 0.4 km²', () => {
    expect(text(0.4, 0.7, 'outline', 'km2', 'en')).toBe('≈ 0.4 ± 0.7 km², rough sketch');
    expect(text(0.4, 0.7, 'outline', 'km2', 'zh')).toBe('≈ 0.4 ± 0.7 平方公里（粗略草图）');
    expect(text(0.4, 0.7, 'partial', 'km2', 'en', { drawn: 1 })).toBe('at least 0.4 km² (only some plots drawn)');
    expect(text(0.4, 0.7, 'partial', 'km2', 'zh', { drawn: 1 })).toBe('至少 0.4 平方公里（仅绘出部分地块）');
  });

  it('shows the drawn area beside a bound with significant digits, not "0 ± 10"', () => {
    // A plot of 33,400 m² with a 106,000 m² band (perimeter 706.7 m × 150 m).
    const b = bandFromMeasure(33_400, 706.7, 150);
    const r = areaReadoutOf(b, 'partial', { drawn: 1, total: 10 });
    expect(r.unit).toBe('ha');
    expect(besideText(b, r, 'en')).toBe('drawn outline: 3.3 ± 11 ha');
    expect(besideText(b, r, 'zh')).toBe('所绘轮廓：3.3 ± 11 公顷');
    expect(valueBandText(0.0334, 0.106, 'en')).toBe('0.033 ± 0.11');
  });

  it('shows the other units beside value ± band', () => {
    // 72 ha ± 5 ha (under 1 km², so read in ha) = 0.72 ± 0.05 km² = 1,080 ± 75 亩, the band to one digit.
    const b = bandFromMeasure(720_000, 5000, 10);
    const r = areaReadoutOf(b, 'outline');
    expect(readoutText(r, 'en')).toBe('72 ± 5 ha');
    expect(besideText(b, r, 'en')).toBe('= 0.72 ± 0.05 km² = 1,080 ± 80 亩');
  });

  it('never shows 0 for an area that is not zero, in any extent or language', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
        fc.constantFrom<ZoneExtent>('outline', 'partial', 'envelope'),
        fc.constantFrom<Lang>('zh', 'en'),
        (value, band, extent, lang) => {
          const s = text(value, band, extent, 'km2', lang, { drawn: 1, total: 10 });
          expect(numbersIn(s).filter((n) => n === 0), s).toEqual([]);
          expect(numbersIn(valueBandText(value, band, 'en')).filter((n) => n === 0)).toEqual([]);
        },
      ),
    );
  });
});

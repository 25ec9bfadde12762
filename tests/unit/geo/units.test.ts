import { describe, expect, it } from 'vitest';
import {
  formatWithUncertainty,
  km2ToM2,
  m2ToHa,
  m2ToKm2,
  m2ToMu,
  M2_PER_MU,
  roundToUncertainty,
} from '../../../src/lib/geo/units';

describe('area units', () => {
  it('converts 1 km² to exactly 100 ha and 1500 亩', () => {
    expect(m2ToKm2(1_000_000)).toBe(1);
    expect(m2ToHa(1_000_000)).toBe(100);
    expect(m2ToMu(1_000_000)).toBe(1500);
  });

  it('makes 15 亩 one hectare and 1 亩 ≈ 666.67 m²', () => {
    expect(m2ToMu(10_000)).toBe(15);
    expect(M2_PER_MU).toBeCloseTo(666.6667, 4);
  });

  it('round-trips km² → m² for the stated figures', () => {
    expect(m2ToKm2(km2ToM2(14.4))).toBe(14.4);
    expect(m2ToKm2(km2ToM2(13.34))).toBe(13.34);
  });
});

describe('roundToUncertainty', () => {
  it('keeps one decimal for 14.4 ± 0.8', () => {
    expect(roundToUncertainty(14.43, 0.81)).toEqual({ value: 14.4, band: 0.8, fractionDigits: 1, exponent: -1 });
  });

  it('drops the decimals for 13.3 ± 2.4', () => {
    expect(roundToUncertainty(13.34, 2.4)).toEqual({ value: 13, band: 2, fractionDigits: 0, exponent: 0 });
  });

  it('moves up a digit when the band rounds to 10 (0.96 → 1)', () => {
    expect(roundToUncertainty(14.43, 0.96)).toEqual({ value: 14, band: 1, fractionDigits: 0, exponent: 0 });
  });

  it('rounds to tens for a band of tens, with no fraction digits', () => {
    expect(roundToUncertainty(1234.5, 63)).toEqual({ value: 1230, band: 60, fractionDigits: 0, exponent: 1 });
  });

  it('handles exact powers of ten and small bands', () => {
    expect(roundToUncertainty(84.803, 0.1)).toEqual({ value: 84.8, band: 0.1, fractionDigits: 1, exponent: -1 });
    expect(roundToUncertainty(0.0927, 0.0042)).toEqual({ value: 0.093, band: 0.004, fractionDigits: 3, exponent: -3 });
  });

  it('returns the value unrounded with the fallback digits when there is no band', () => {
    expect(roundToUncertainty(14.4321, 0)).toEqual({ value: 14.4321, band: 0, fractionDigits: 2, exponent: null });
    expect(roundToUncertainty(14.4321, NaN, 3).fractionDigits).toBe(3);
  });
});

describe('formatWithUncertainty', () => {
  it('formats through Intl for the given locale', () => {
    expect(formatWithUncertainty(14.43, 0.81, 'en')).toBe('14.4 ± 0.8');
    expect(formatWithUncertainty(13.34, 2.4, 'zh-Hans')).toBe('13 ± 2');
    expect(formatWithUncertainty(1234.5, 63, 'en')).toBe('1,230 ± 60');
    expect(formatWithUncertainty(1234.5, 63, 'de')).toBe('1.230 ± 60');
  });
});

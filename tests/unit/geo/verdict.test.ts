import { describe, expect, it } from 'vitest';
import { verdict } from '../../../src/lib/geo/verdict';

const KM2 = 1e6;

describe('verdict', () => {
  it('is consistent when the stated value lies inside the band, with its numbers', () => {
    const v = verdict(14.4 * KM2, { area_m2: 14.1 * KM2, band_m2: 0.5 * KM2 });
    expect(v.verdict).toBe('consistent');
    expect(v.reason).toBe('within-band');
    expect(v.stated_m2).toBe(14.4 * KM2);
    expect(v.computed_m2).toBe(14.1 * KM2);
    expect(v.difference_m2).toBeCloseTo(-0.3 * KM2, 3);
    expect(v.relative_difference).toBeCloseTo(-0.3 / 14.4, 12);
    expect(v.band_m2).toBe(0.5 * KM2);
    expect(v.low_m2).toBeCloseTo(13.6 * KM2, 3);
    expect(v.high_m2).toBeCloseTo(14.6 * KM2, 3);
    expect(v.outside_by_m2).toBe(0);
  });

  it('is inconsistent when the stated value lies outside the band, and says by how much', () => {
    const v = verdict(13.34 * KM2, { area_m2: 14.4 * KM2, band_m2: 0.8 * KM2 });
    expect(v.verdict).toBe('inconsistent');
    expect(v.reason).toBe('outside-band');
    expect(v.difference_m2).toBeCloseTo(1.06 * KM2, 3);
    expect(v.outside_by_m2).toBeCloseTo(0.26 * KM2, 3);
  });

  it('is undetermined without geometry, still giving the stated value', () => {
    const v = verdict(14.4 * KM2, null);
    expect(v).toMatchObject({ verdict: 'undetermined', reason: 'no-geometry', stated_m2: 14.4 * KM2, computed_m2: null });
  });

  it('is undetermined when the band exceeds half the stated value (default rule)', () => {
    const v = verdict(1 * KM2, { area_m2: 3 * KM2, band_m2: 0.6 * KM2 });
    expect(v).toMatchObject({ verdict: 'undetermined', reason: 'band-too-wide' });
    expect(v.relative_band).toBeCloseTo(0.6, 12);
    expect(v.difference_m2).toBeCloseTo(2 * KM2, 3);
  });

  it('takes its tolerances from the options and reports them', () => {
    const measured = { area_m2: 3 * KM2, band_m2: 0.6 * KM2 };
    const v = verdict(1 * KM2, measured, { maxRelativeBand: 1 });
    expect(v).toMatchObject({
      verdict: 'inconsistent',
      options: { maxRelativeBand: 1, statedTolerance_m2: 0, comparison: 'equal', measured: 'outline' },
    });
    // The stated figure's own rounding widens the stated value into an interval.
    const near = { area_m2: 14.5 * KM2, band_m2: 0.06 * KM2 }; // low end 14.44 km²
    expect(verdict(14.4 * KM2, near).verdict).toBe('inconsistent');
    expect(verdict(14.4 * KM2, near, { statedTolerance_m2: 0.05 * KM2 }).verdict).toBe('consistent');
  });

  it('accepts any area reaching the stated minimum for an "at least" figure', () => {
    const v = verdict(10 * KM2, { area_m2: 14 * KM2, band_m2: 1 * KM2 }, { comparison: 'at-least' });
    expect(v.verdict).toBe('consistent');
    const w = verdict(10 * KM2, { area_m2: 8 * KM2, band_m2: 1 * KM2 }, { comparison: 'at-least' });
    expect(w.verdict).toBe('inconsistent');
  });

  it('can refute but never confirm a figure against a partial geometry (lower bound)', () => {
    const partial = { area_m2: 9 * KM2, band_m2: 0.5 * KM2 };
    expect(verdict(14.4 * KM2, partial, { measured: 'lower-bound' })).toMatchObject({ verdict: 'undetermined', reason: 'within-bound' });
    const v = verdict(3.45 * KM2, partial, { measured: 'lower-bound' });
    expect(v).toMatchObject({ verdict: 'inconsistent', reason: 'outside-band' });
    expect(v.outside_by_m2).toBeCloseTo(5.05 * KM2, 3);
  });

  it('can refute but never confirm a figure against an envelope (upper bound)', () => {
    const envelope = { area_m2: 2 * KM2, band_m2: 0.2 * KM2 };
    expect(verdict(0.717 * KM2, envelope, { measured: 'upper-bound' })).toMatchObject({ verdict: 'undetermined', reason: 'within-bound' });
    expect(verdict(14.4 * KM2, envelope, { measured: 'upper-bound' })).toMatchObject({ verdict: 'inconsistent' });
  });

  it('is undetermined for a stated value that is not a positive number', () => {
    expect(verdict(NaN, { area_m2: 1, band_m2: 0 })).toMatchObject({ verdict: 'undetermined', reason: 'invalid-stated', stated_m2: null });
    expect(verdict(0, null).reason).toBe('invalid-stated');
  });

  it('is JSON-serialisable without loss', () => {
    const v = verdict(14.4 * KM2, { area_m2: 14.1 * KM2, band_m2: 0.5 * KM2 });
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});

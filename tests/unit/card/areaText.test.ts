import { describe, expect, it } from 'vitest';
import { areaReadout, ceil2, floor2 } from '../../../src/lib/card/areaText';

describe('area readouts a visitor can use', () => {
  it('keeps value ± band while the band is at most half the value', () => {
    expect(areaReadout(14.43, 0.21, 'outline')).toEqual({ kind: 'band', value: 14.4, band: 0.2, fractionDigits: 1 });
  });

  it('turns a band wider than half the value into a range rounded outward', () => {
    // 0.92 ± 0.6 → 0.32 … 1.52: shown as 0.32–1.6 (high rounded up, low rounded down).
    expect(areaReadout(0.92, 0.6, 'outline')).toEqual({ kind: 'range', low: 0.32, high: 1.6, note: 'rough-sketch' });
  });

  it('says "at most" when the band reaches zero (1 ± 3 km² is no use to anyone)', () => {
    expect(areaReadout(0.92, 2.8, 'outline')).toEqual({ kind: 'at-most', high: 3.8, note: 'rough-sketch' });
  });

  it('reads an envelope only as an upper bound, never as a value', () => {
    expect(areaReadout(19.4, 0.5, 'envelope')).toEqual({ kind: 'at-most', high: 20, note: 'rough-envelope' });
  });

  it('reads a partial zone only as a lower bound, and gives none when the drawn plots could be empty', () => {
    expect(areaReadout(3, 1, 'partial')).toEqual({ kind: 'at-least', low: 2, note: 'some-plots' });
    expect(areaReadout(0.9, 2.8, 'partial')).toEqual({ kind: 'none', note: 'some-plots' });
  });

  it('rounds to two significant digits outward', () => {
    expect([floor2(0.329), ceil2(1.51), floor2(19.9), ceil2(19.41), ceil2(0.04)]).toEqual([0.32, 1.6, 19, 20, 0.04]);
  });
});

describe('area readouts in words', () => {
  it('reads a range and an envelope bound in the UI language, with the unit words of each catalogue', async () => {
    const { readoutText } = await import('../../../src/lib/card/areaText');
    const range = { readout: areaReadout(0.92, 0.6, 'outline'), unit: 'km2' as const };
    expect(readoutText(range, 'en')).toBe('0.32–1.6 km², rough sketch');
    expect(readoutText(range, 'zh')).toBe('0.32–1.6 平方公里（粗略草图）');
    expect(readoutText({ readout: areaReadout(19.4, 30, 'envelope'), unit: 'km2' }, 'en')).toBe('at most 50 km² (rough envelope)');
  });
});

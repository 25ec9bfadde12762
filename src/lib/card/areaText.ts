/**
 * Area readouts a visitor can use (issue #8, item 6). A drawn area with its band reads as
 * "0.72 ± 0.05 km²" only while the band is at most half the value; beyond that the band says more
 * than the value, so the readout becomes a range or a bound in words:
 *
 * - `outline`, narrow band → `value ± band` (rounded to the digits the band supports);
 * - `outline`, wide band → `low–high` ("rough sketch"), or "at most high" when low is 0;
 * - `envelope` (the zone lies somewhere inside) → "at most high" ("rough envelope"): never a value;
 * - `partial` (only some plots drawn) → "at least low" ("only some plots drawn"), or no figure
 *   when even the drawn plots could be empty (low = 0).
 *
 * Bounds are rounded outward (low down, high up) to two significant digits, so a rounded range
 * still contains the unrounded one. The audit tables keep the exact numbers; this is for cards and
 * the kiosk only.
 */
import type { ZoneExtent } from '../data/schema';
import { t, type Lang, type MessageKey } from '../i18n';
import type { AreaBand } from '../geo/uncertainty';
import { roundToUncertainty } from '../geo/units';

export type AreaReadout =
  | { kind: 'band'; value: number; band: number; fractionDigits: number }
  | { kind: 'range'; low: number; high: number; note: 'rough-sketch' }
  | { kind: 'at-most'; high: number; note: 'rough-sketch' | 'rough-envelope' }
  | { kind: 'at-least'; low: number; note: 'some-plots' }
  | { kind: 'none'; note: 'some-plots' };

/** Above this band / value ratio a `±` readout is replaced by a range or bound (issue #8). */
export const MAX_READABLE_RELATIVE_BAND = 0.5;

function step(x: number): number {
  return 10 ** (Math.floor(Math.log10(x)) - 1);
}
/** Rounds down to two significant digits (0 stays 0). */
export function floor2(x: number): number {
  if (!(x > 0)) return 0;
  const s = step(x);
  return Number((Math.floor(x / s + 1e-9) * s).toPrecision(2));
}
/** Rounds up to two significant digits. */
export function ceil2(x: number): number {
  if (!(x > 0)) return 0;
  const s = step(x);
  return Number((Math.ceil(x / s - 1e-9) * s).toPrecision(2));
}

/**
 * What to show for an area ± band (both in the display unit, e.g. km²) of a zone geometry with the
 * given extent. `low`/`high` are the band's ends (area ∓ perimeter × accuracy, low ≥ 0).
 */
export function areaReadout(value: number, band: number, extent: ZoneExtent): AreaReadout {
  const low = Math.max(0, value - band);
  const high = value + band;
  if (extent === 'envelope') return { kind: 'at-most', high: ceil2(high), note: 'rough-envelope' };
  if (extent === 'partial') return low > 0 ? { kind: 'at-least', low: floor2(low), note: 'some-plots' } : { kind: 'none', note: 'some-plots' };
  if (band <= value * MAX_READABLE_RELATIVE_BAND) {
    const r = roundToUncertainty(value, band);
    return { kind: 'band', value: r.value, band: r.band, fractionDigits: r.fractionDigits };
  }
  if (floor2(low) === 0) return { kind: 'at-most', high: ceil2(high), note: 'rough-sketch' };
  return { kind: 'range', low: floor2(low), high: ceil2(high), note: 'rough-sketch' };
}

/** The readout of an {@link AreaBand} (m²) in km², or in ha when the area is under 1 km². */
export function areaReadoutOf(b: AreaBand, extent: ZoneExtent): { readout: AreaReadout; unit: 'km2' | 'ha' } {
  const unit = b.area_m2 + b.band_m2 < 1_000_000 ? 'ha' : 'km2';
  const f = unit === 'ha' ? 1e4 : 1e6;
  return { readout: areaReadout(b.area_m2 / f, b.band_m2 / f, extent), unit };
}

/** Numbers of a readout formatted with `Intl` for `locale` (words come from the i18n catalogue). */
export function readoutNumbers(r: AreaReadout, locale: string): { value?: string; band?: string; low?: string; high?: string } {
  const sig = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  switch (r.kind) {
    case 'band': {
      const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: r.fractionDigits, maximumFractionDigits: r.fractionDigits });
      return { value: nf.format(r.value), band: nf.format(r.band) };
    }
    case 'range':
      return { low: sig.format(r.low), high: sig.format(r.high) };
    case 'at-most':
      return { high: sig.format(r.high) };
    case 'at-least':
      return { low: sig.format(r.low) };
    case 'none':
      return {};
  }
}

/** The readout in words of `lang` ("0.32–1.6 km², rough sketch", "至多 50 平方公里（粗略范围）"). */
export function readoutText({ readout: r, unit }: { readout: AreaReadout; unit: 'km2' | 'ha' }, lang: Lang): string {
  const n = readoutNumbers(r, lang === 'zh' ? 'zh-Hans' : 'en');
  const u = t(lang, `unit.${unit}` as MessageKey);
  if (r.kind === 'band') return t(lang, 'area.band', { value: n.value!, band: n.band!, unit: u });
  if (r.kind === 'range') return t(lang, 'area.range', { low: n.low!, high: n.high!, unit: u });
  if (r.kind === 'at-most') return t(lang, `area.atMost.${r.note}` as MessageKey, { high: n.high!, unit: u });
  if (r.kind === 'at-least') return t(lang, 'area.atLeast', { low: n.low!, unit: u });
  return t(lang, 'area.none');
}

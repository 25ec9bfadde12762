/**
 * Area readouts a visitor can use (issues #8 and #19). A drawn area with its band reads as
 * "0.72 ± 0.05 km²" while the band is at most half the value. Beyond that the band says more than
 * the value, so the readout becomes a range, a bound or an approximate value, and never a zero for
 * an area that is not zero (#19: "0 ± 10 ha" for a 3.34 ha plot told the visitor nothing):
 *
 * - `outline`, narrow band → `value ± band` (rounded to the digits the band supports);
 * - `outline`, band between half the value and the value → `low–high` ("rough sketch");
 * - `outline`, band at least the value (a range would start at 0) → "≈ value ± band", both to two
 *   significant digits;
 * - `envelope` (the zone lies somewhere inside) → "at most value + band" ("rough envelope");
 * - `partial` (only some plots drawn) → "at least value": the drawn plots are part of the zone, so
 *   their measured area bounds it from below; with how many plots are drawn ("1 of 10 plots") when
 *   the data gives the zone's plot count.
 *
 * Bounds are rounded outward (low down, high up) to two significant digits, so a rounded bound
 * still holds. Where the readout is not `value ± band`, the card shows the drawn area and its band
 * beside it in small type (`valueBandText`). The audit tables keep the exact numbers; this is for
 * cards, the site card and the kiosk only.
 */
import type { ZoneExtent } from '../data/schema';
import { t, type Lang, type MessageKey } from '../i18n';
import type { AreaBand } from '../geo/uncertainty';
import { m2ToHa, m2ToKm2, m2ToMu, roundToUncertainty } from '../geo/units';

/** How many plots of a `partial` zone are drawn, and how many it has (when published). */
export interface DrawnPlots {
  drawn: number;
  total?: number;
}

export type AreaReadout =
  | { kind: 'band'; value: number; band: number; fractionDigits: number }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'approx'; value: number; band: number }
  | { kind: 'at-most'; high: number }
  | { kind: 'at-least'; low: number; plots?: DrawnPlots }
  | { kind: 'none' };

export type AreaUnit = 'km2' | 'ha';

import { MAX_READABLE_RELATIVE_BAND, sig2, valueBandText } from './valueBand';

export { MAX_READABLE_RELATIVE_BAND, valueBandText };

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
 * given extent; `plots` says how much of a partial zone is drawn. A value that is not positive
 * (no measurable geometry) reads as `none`.
 */
export function areaReadout(value: number, band: number, extent: ZoneExtent, plots?: DrawnPlots): AreaReadout {
  if (!(value > 0) || !Number.isFinite(value)) return { kind: 'none' };
  const b = band > 0 && Number.isFinite(band) ? band : 0;
  if (extent === 'envelope') return { kind: 'at-most', high: ceil2(value + b) };
  if (extent === 'partial') return { kind: 'at-least', low: floor2(value), ...(plots && { plots }) };
  if (b <= value * MAX_READABLE_RELATIVE_BAND) {
    const r = roundToUncertainty(value, b);
    return { kind: 'band', value: r.value, band: r.band, fractionDigits: r.fractionDigits };
  }
  if (b < value) return { kind: 'range', low: floor2(value - b), high: ceil2(value + b) };
  return { kind: 'approx', value, band: b };
}

/** The unit a card shows an {@link AreaBand} in: km², or ha when the area and its band stay under 1 km². */
export function areaUnitOf(b: AreaBand): AreaUnit {
  return b.area_m2 + b.band_m2 < 1_000_000 ? 'ha' : 'km2';
}
const inUnit = (m2: number, unit: AreaUnit) => (unit === 'ha' ? m2ToHa(m2) : m2ToKm2(m2));

/** The readout of an {@link AreaBand} (m²) in km², or in ha when the area is under 1 km². */
export function areaReadoutOf(b: AreaBand, extent: ZoneExtent, plots?: DrawnPlots): { readout: AreaReadout; unit: AreaUnit } {
  const unit = areaUnitOf(b);
  return { readout: areaReadout(inUnit(b.area_m2, unit), inUnit(b.band_m2, unit), extent, plots), unit };
}

/** Numbers of a readout formatted with `Intl` for `locale` (words come from the i18n catalogue). */
export function readoutNumbers(r: AreaReadout, locale: string): { value?: string; band?: string; low?: string; high?: string; drawn?: string; total?: string } {
  const sig = sig2(locale);
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  switch (r.kind) {
    case 'band': {
      const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: r.fractionDigits, maximumFractionDigits: r.fractionDigits });
      return { value: nf.format(r.value), band: nf.format(r.band) };
    }
    case 'approx':
      return { value: sig.format(r.value), band: sig.format(r.band) };
    case 'range':
      return { low: sig.format(r.low), high: sig.format(r.high) };
    case 'at-most':
      return { high: sig.format(r.high) };
    case 'at-least':
      return { low: sig.format(r.low), ...(r.plots && { drawn: int.format(r.plots.drawn) }), ...(r.plots?.total && { total: int.format(r.plots.total) }) };
    case 'none':
      return {};
  }
}

const localeOf = (lang: Lang) => (lang === 'zh' ? 'zh-Hans' : 'en');

/** The readout in words of `lang` ("0.32–1.6 km², rough sketch", "至多 50 平方公里（粗略范围）"). */
export function readoutText({ readout: r, unit }: { readout: AreaReadout; unit: AreaUnit }, lang: Lang): string {
  const n = readoutNumbers(r, localeOf(lang));
  const u = t(lang, `unit.${unit}` as MessageKey);
  switch (r.kind) {
    case 'band':
      return t(lang, 'area.band', { value: n.value!, band: n.band!, unit: u });
    case 'approx':
      return t(lang, 'area.approx', { value: n.value!, band: n.band!, unit: u });
    case 'range':
      return t(lang, 'area.range', { low: n.low!, high: n.high!, unit: u });
    case 'at-most':
      return t(lang, 'area.atMost', { high: n.high!, unit: u });
    case 'at-least':
      // The plot count only where it says something: all plots drawn would not be `partial`.
      if (n.total && r.plots!.total! > r.plots!.drawn) return t(lang, 'area.atLeastOf', { low: n.low!, unit: u, drawn: n.drawn!, total: n.total });
      return t(lang, 'area.atLeast', { low: n.low!, unit: u });
    case 'none':
      return t(lang, 'area.none');
  }
}

/**
 * What a card shows in small type beside the readout: for `value ± band` and `≈ value ± band`, the
 * same area in the other units ("= 72 ± 5 ha = 1,080 ± 75 亩"); for a range or a bound, the drawn
 * area with its band ("drawn outline: 3.3 ± 11 ha").
 */
export function besideText(b: AreaBand, { readout: r, unit }: { readout: AreaReadout; unit: AreaUnit }, lang: Lang): string {
  const locale = localeOf(lang);
  const vb = (f: (m2: number) => number) => valueBandText(f(b.area_m2), f(b.band_m2), locale);
  if (r.kind === 'band' || r.kind === 'approx') {
    const other = unit === 'ha' ? `${vb(m2ToKm2)} ${t(lang, 'unit.km2')}` : `${vb(m2ToHa)} ${t(lang, 'unit.ha')}`;
    return `= ${other} = ${vb(m2ToMu)} 亩`;
  }
  return t(lang, 'card.areaExact', { value: vb((m2) => inUnit(m2, unit)), unit: t(lang, `unit.${unit}` as MessageKey) });
}

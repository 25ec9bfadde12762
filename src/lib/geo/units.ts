/**
 * Area units and honest rounding.
 *
 * - km² = 10⁶ m², ha = 10⁴ m² (SI / BIPM SI Brochure, 9th ed., Table 8: hectare accepted for use).
 * - 亩 (市亩, mu): the 市制 of the State Council's 《关于统一我国计量制度的命令》 (1959) fixes
 *   1 市尺 = 1/3 m and 1 市亩 = 60 平方丈 = 6000 平方市尺, so 1 亩 = 6000/9 m² = 10000/15 m²
 *   ≈ 666.67 m², i.e. 15 亩 = 1 ha exactly.
 *   Conversions multiply by 15 before dividing so that 1 km² gives exactly 1500 亩 in floating point.
 *
 * Rounding to the uncertainty: the band is rounded to one significant digit and the value to the
 * same decimal place, so no digit is shown that the uncertainty does not support
 * (14.43 ± 0.81 → 14.4 ± 0.8; 13.34 ± 2.4 → 13 ± 2). Numbers and fraction digits are returned for
 * `Intl.NumberFormat`; `formatWithUncertainty` does that for a given locale.
 */

export const M2_PER_KM2 = 1_000_000;
export const M2_PER_HA = 10_000;
/** 1 亩 = 10000/15 m² (see the header). */
export const M2_PER_MU = 10_000 / 15;

/** m² → km². */
export function m2ToKm2(m2: number): number {
  return m2 / M2_PER_KM2;
}
/** km² → m². */
export function km2ToM2(km2: number): number {
  return km2 * M2_PER_KM2;
}
/** m² → hectares. */
export function m2ToHa(m2: number): number {
  return m2 / M2_PER_HA;
}
/** m² → 亩 (mu), computed as m² × 15 / 10⁴ to stay exact for round figures. */
export function m2ToMu(m2: number): number {
  return (m2 * 15) / 10_000;
}

export interface RoundedValue {
  /** The value rounded to the band's decimal place. */
  value: number;
  /** The band rounded to one significant digit (0 when no band was given). */
  band: number;
  /** Digits after the decimal point to show, ≥ 0: pass to Intl.NumberFormat's min/max fraction digits. */
  fractionDigits: number;
  /** Decimal exponent of the rounding step (−1: tenths, 0: units, 1: tens); null when no band was given. */
  exponent: number | null;
}

function roundAt(x: number, exponent: number): number {
  // Divide by a power of ten given as an integer where possible, so 14.4 stays the double for "14.4".
  const r = exponent < 0 ? Math.round(x * 10 ** -exponent) / 10 ** -exponent : Math.round(x / 10 ** exponent) * 10 ** exponent;
  return r === 0 ? 0 : r;
}

/**
 * Rounds `value` to what `band` (a ± half-width in the same unit) supports. Without a usable band
 * (≤ 0 or not finite) the value is returned unrounded with `fallbackFractionDigits`.
 */
export function roundToUncertainty(value: number, band: number, fallbackFractionDigits = 2): RoundedValue {
  if (!(band > 0) || !Number.isFinite(band) || !Number.isFinite(value))
    return { value, band: 0, fractionDigits: fallbackFractionDigits, exponent: null };
  let e = Math.floor(Math.log10(band));
  if (10 ** (e + 1) <= band) e += 1; // guard log10 rounding at exact powers of ten
  if (10 ** e > band) e -= 1;
  let lead = Math.round(band / 10 ** e);
  if (lead === 10) {
    e += 1;
    lead = 1;
  }
  return { value: roundAt(value, e), band: roundAt(lead * 10 ** e, e), fractionDigits: Math.max(0, -e), exponent: e };
}

/** "value ± band" in `locale` via Intl.NumberFormat, rounded by `roundToUncertainty`. */
export function formatWithUncertainty(value: number, band: number, locale: string, fallbackFractionDigits = 2): string {
  const r = roundToUncertainty(value, band, fallbackFractionDigits);
  const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: r.fractionDigits, maximumFractionDigits: r.fractionDigits });
  return r.exponent === null ? nf.format(r.value) : `${nf.format(r.value)} ± ${nf.format(r.band)}`;
}

/** m² per unit for the area units of claims (km², ha, m²); null for units that are not areas. */
export function areaUnitM2(unit: string): number | null {
  return unit === 'km2' ? M2_PER_KM2 : unit === 'ha' ? M2_PER_HA : unit === 'm2' ? 1 : null;
}

/**
 * "value ± band" in small type, shared by the card (lazy) and the draw panel's live area (first
 * screen), so the draw panel does not pull the card's readout rules onto the first screen.
 */
import { formatWithUncertainty } from '../geo/units';

/** Above this band / value ratio a `±` readout is replaced by a range or bound (issue #8). */
export const MAX_READABLE_RELATIVE_BAND = 0.5;

/** Two significant digits, for values smaller than their band. */
export const sig2 = (locale: string) => new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });

/**
 * "value ± band" for a card's small type (areas, and distances to stations): rounded to the band
 * while it is at most half the value, else both to two significant digits, so a value smaller than
 * its band is still shown ("3.3 ± 11", not "0 ± 10").
 */
export function valueBandText(value: number, band: number, locale: string): string {
  if (band > 0 && band <= value * MAX_READABLE_RELATIVE_BAND) return formatWithUncertainty(value, band, locale);
  const nf = sig2(locale);
  return band > 0 ? `${nf.format(value)} ± ${nf.format(band)}` : nf.format(value);
}

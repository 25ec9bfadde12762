/**
 * The facts block of the site card (issue #9), as plain text lines in the UI language: the stated
 * figures with their sources, the drawn area (a range where the band is wide), floor space,
 * sectors, the three nearest stations, why the place is drawn where it is, and the provenance
 * note. A planner's own polygon gets its area ± band and, for each stated area of the zone version
 * it stands for, the verdict with the numbers. Pure.
 */
import type { AtlasData } from '../data/load';
import type { Claim } from '../data/schema';
import type { CardModel } from '../card/card';
import { areaReadoutOf, readoutText, valueBandText } from '../card/areaText';
import { claimValueText, groupClaims } from '../card/claimText';
import { sourceShort } from '../card/sourceText';
import { m2ToKm2, areaUnitM2 } from '../geo/units';
import { verdict } from '../geo/verdict';
import { statedHalfUnit } from '../audit/audit';
import { t, type Lang, type MessageKey } from '../i18n';

export interface FactSection {
  heading: string;
  lines: string[];
}

export function siteCardFacts(data: AtlasData, card: CardModel, lang: Lang, proposal = false): FactSection[] {
  const L = lang;
  const locale = L === 'zh' ? 'zh-Hans' : 'en';
  const nf = (x: number, d = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(x);
  const sep = L === 'zh' ? '：' : ': ';
  const src = (id: string) => sourceShort(id, data.sources, L);
  const asOf = (c: Claim) => (c.as_of ? `${L === 'zh' ? '' : ' '}${t(L, 'card.asOf', { year: c.as_of })}` : '');
  const out: FactSection[] = [];
  const g = groupClaims(card.claims, data.sources);
  const landFirst = (l: Claim[]) => [...l].sort((a, b) => (a.area === 'land' ? 0 : 1) - (b.area === 'land' ? 0 : 1));
  const stated = [...landFirst(g.interview), ...landFirst(g.other)];

  const head: string[] = [];
  head.push(
    [
      t(L, (card.type === 'zone' ? `kind.${card.kind}` : `pkind.${card.kind}`) as MessageKey),
      card.status ? t(L, `status.${card.status}` as MessageKey) : null,
      card.version ? `${t(L, 'card.version')}${sep}${card.version[L]}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  if (card.sectors.length) head.push(`${t(L, 'card.sectors')}${sep}${card.sectors.map((s) => t(L, `sector.${s}` as MessageKey)).join(L === 'zh' ? '、' : ', ')}`);
  out.push({ heading: card.name[L], lines: head });

  // One section per source, so a source is cited once however many figures it gives.
  for (const source of new Set(stated.map((c) => c.source)))
    out.push({
      heading: t(L, 'sitecard.statedBy', { source: src(source) }),
      lines: stated.filter((c) => c.source === source).map((c) => `${c.measures[L]}${sep}${claimValueText(c, L)}${asOf(c)}`),
    });

  if (card.type === 'zone') {
    const lines: string[] = [];
    if (card.area) {
      if (proposal) lines.push(`${t(L, 'sitecard.proposalArea')}${sep}${valueBandText(m2ToKm2(card.area.area_m2), m2ToKm2(card.area.band_m2), locale)} ${t(L, 'unit.km2')}`);
      else lines.push(readoutText(areaReadoutOf(card.area, (card.extent ?? 'outline') as 'outline', card.plots), L));
      if (proposal)
        for (const c of card.claims.filter((c) => c.spatial)) {
          const per = areaUnitM2(c.unit);
          if (per === null) continue;
          const v = verdict(c.value * per, card.area, {
            statedTolerance_m2: statedHalfUnit(c.value) * per,
            comparison: c.qualifier === 'at-least' ? 'at-least' : 'equal',
          });
          lines.push(`${t(L, 'sitecard.verdict', { claim: c.measures[L], value: claimValueText(c, L) })}${sep}${t(L, `audit.v.${v.verdict}` as MessageKey)} (${t(L, `audit.r.${v.reason}` as MessageKey)})`);
        }
    } else lines.push(t(L, 'card.areaUnknown'));
    out.push({ heading: t(L, 'card.drawnArea'), lines });
  } else {
    out.push({
      heading: t(L, 'sitecard.location'),
      lines: [card.location === 'estimated' ? t(L, 'card.location.estimated', { error: nf(card.error_m ?? 0) }) : t(L, `card.location.${card.location}` as MessageKey)],
    });
  }

  if (g.floor.length) out.push({ heading: t(L, 'card.floor'), lines: g.floor.map((c) => `${c.measures[L]}${sep}${claimValueText(c, L)}${asOf(c)} — ${src(c.source)}`) });

  if (card.stations.length)
    out.push({
      heading: t(L, 'card.stations'),
      lines: card.stations.map((s) => {
        const d = s.distance_m === 0 ? t(L, 'card.inZone') : `${valueBandText(s.distance_m / 1000, s.uncertainty_m / 1000, locale)} km`;
        return `${s.name[L]} · ${d} · ${t(L, s.lines.length === 1 ? 'card.line' : 'card.lines', { lines: s.lines.join(L === 'zh' ? '、' : ', ') })}`;
      }),
    });

  if (card.evidence.length) out.push({ heading: t(L, 'card.why'), lines: card.evidence.map((e) => `${e.supports[L]} — ${src(e.source)}`) });
  else if (card.searched) out.push({ heading: t(L, 'card.searched'), lines: [card.searched[L]] });

  out.push({
    heading: t(L, 'sitecard.provenance'),
    lines: [
      `${t(L, 'card.method', { method: t(L, `method.${card.provenance.method}` as MessageKey), accuracy: nf(card.provenance.accuracy_m) })} · ${t(L, `method.about.${card.provenance.method}` as MessageKey)}`,
      proposal ? t(L, 'sitecard.proposalSource') : `${t(L, 'card.details.geometry')}${sep}${src(card.provenance.source)}${L === 'zh' ? '；' : '; '}${card.provenance.date}`,
    ],
  });
  return out;
}

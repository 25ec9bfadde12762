/**
 * How a card lists stated figures (issue #8): the interview's figures apart from other public
 * sources, floor areas (建筑面积) apart from land, every figure with its unit and, when it is older
 * than the interview, its year. Pure: components render the strings as text.
 */
import type { Claim, Source } from '../data/schema';
import type { Lang } from '../i18n';

export interface ClaimGroups {
  /** Figures stated in the interview. */
  interview: Claim[];
  /** Land areas and other figures from other public sources. */
  other: Claim[];
  /** Floor areas (建筑面积), from any source: space in buildings, never compared with land. */
  floor: Claim[];
}

/** Is this source the interview (role `interview`)? Unknown ids count as other sources. */
export const isInterview = (c: Claim, sources: readonly Source[]) => sources.find((s) => s.id === c.source)?.role === 'interview';

export function groupClaims(claims: readonly Claim[], sources: readonly Source[]): ClaimGroups {
  const g: ClaimGroups = { interview: [], other: [], floor: [] };
  for (const c of claims) {
    if (c.area === 'floor') g.floor.push(c);
    else if (isInterview(c, sources)) g.interview.push(c);
    else g.other.push(c);
  }
  return g;
}

const UNIT: Record<Lang, Partial<Record<Claim['unit'], string>>> = {
  en: { km2: 'km²', ha: 'ha', m2: 'm²', percent: '%', times: '×' },
  zh: { km2: '平方公里', ha: '公顷', m2: '平方米', percent: '%', times: '倍' },
};

/** "≈ 21,000 m²", "至少 10 所", "71.7 ha": the value with its qualifier and unit. */
export function claimValueText(c: Claim, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-Hans' : 'en';
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(c.value);
  const unit = UNIT[lang][c.unit] ?? c.counted?.[lang] ?? '';
  const q =
    c.qualifier === 'approximately' ? (lang === 'zh' ? '约' : '≈ ') : c.qualifier === 'expected' ? (lang === 'zh' ? '预计' : 'expected ') : c.qualifier === 'at-least' ? (lang === 'zh' ? '' : '') : '';
  const plus = c.qualifier === 'at-least' ? (lang === 'zh' ? '余' : '+') : '';
  const sep = lang === 'zh' || c.unit === 'percent' ? '' : ' ';
  return `${q}${n}${plus}${unit ? sep + unit : ''}`;
}

/** "Beijing Youth Daily, 2024-04-19" / "北京青年报，2024-04-19": publisher and date of a claim's source. */
export function sourceLine(sourceId: string, sources: readonly Source[], lang: Lang): string {
  const s = sources.find((x) => x.id === sourceId);
  if (!s) return sourceId;
  const date = s.date ?? (lang === 'zh' ? '日期不详' : 'undated');
  return `${s.publisher[lang]}${lang === 'zh' ? '，' : ', '}${date}`;
}

import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { preferredLang, t } from '../../src/lib/i18n';

describe('UI strings', () => {
  it('have the same keys in zh and en, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const v of [...Object.values(zh), ...Object.values(en)]) expect(v.trim()).not.toBe('');
  });
  it('keep the same placeholders in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(ph(zh[k])).toEqual(ph(en[k]));
  });
  it('fill placeholders', () => {
    expect(t('en', 'data.issuesCount', { n: 3 })).toBe('3 data issues');
  });
  it('pick the language from the browser preferences, Chinese by default', () => {
    expect(preferredLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(preferredLang(['zh-TW'])).toBe('zh');
    expect(preferredLang(['fr-FR'])).toBe('zh');
  });
});

import { describe, expect, it } from 'vitest';
import { issuesEn } from '../../src/lib/i18n/issues.en';
import { issuesZh } from '../../src/lib/i18n/issues.zh';
import { issueText } from '../../src/lib/i18n';
import { parseUserZones } from '../../src/lib/data/userfile';
import { importPlanningFile } from '../../src/lib/import/index';
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

describe('located messages of the import, the restore and the validation (issue #17)', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('exist in Chinese for every English one, with the same placeholders', () => {
    for (const [key, en] of Object.entries(issuesEn)) {
      const zh = issuesZh[key as keyof typeof issuesZh];
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(zh), key).toEqual(placeholders(en));
    }
  });

  it('a broken file opened in the Chinese UI reads in Chinese; file, feature and field stay as they are', async () => {
    await import('../../src/lib/i18n/issues');
    const bowtie = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Bow tie' }, geometry: { type: 'Polygon', coordinates: [[[116.18, 39.91], [116.19, 39.92], [116.19, 39.91], [116.18, 39.92], [116.18, 39.91]]] } }] });
    const r = parseUserZones(bowtie, 'plan.geojson');
    const kink = r.issues.find((i) => i.code === 'kink')!;
    expect(kink).toMatchObject({ file: 'plan.geojson', field: 'geometry.coordinates' });
    expect(issueText('en', kink)).toMatch(/^self-intersection at \[116\.185000, 39\.915000\]$/);
    expect(issueText('zh', kink)).toBe('自相交于 [116.185000, 39.915000]');
    const noAccuracy = r.issues.find((i) => i.code === 'assumed-accuracy');
    expect(noAccuracy).toBeUndefined(); // the feature was refused before its properties were read
    const imported = await importPlanningFile('plan.xml', new TextEncoder().encode('<gpx version="1.1"></gpx>'));
    expect(issueText('zh', imported.issues[0]!)).toBe('这是根元素为 <gpx> 的 XML 文件，不是 KML：请打开 KML、GeoJSON 或压缩的 shapefile');
    // A schema problem worded by zod, in zod's own Chinese.
    const bad = parseUserZones(JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[116.18, 'x']]] } }), 'p.geojson');
    expect(issueText('zh', bad.issues[0]!)).toMatch(/^无效输入.*（只有 Polygon 和 MultiPolygon 可以测量）$/);
    expect(issueText('en', bad.issues[0]!)).toMatch(/^Invalid input.*\(only Polygon and MultiPolygon can be measured\)$/);
  });
});

/**
 * The bundled Noto Sans SC subset has a glyph for every character the catalogues and the data can
 * show. The subset is made by the build's own function; what it covers is read back from the woff2's
 * cmap with fontkit (not harfbuzz, which made it), and the text is read here from the catalogue
 * modules and the data files themselves, not from the plugin's scanner.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh, maplibreZh } from '../../../src/lib/i18n/zh';
import { en, maplibreEn } from '../../../src/lib/i18n/en';
import { fullFontPath, makeSubset, type SubsetResult } from '../../../scripts/vite/fonts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}

const cmapOf = (path: string) => new Set((fontkit.create(readFileSync(path)) as unknown as { characterSet: number[] }).characterSet);

/** Characters of `texts` (one entry per character, with an example of where it occurs). */
function characters(texts: { where: string; text: string }[]): Map<number, string> {
  const m = new Map<number, string>();
  for (const { where, text } of texts) for (const ch of text) if (ch.codePointAt(0)! >= 0x20 && !m.has(ch.codePointAt(0)!)) m.set(ch.codePointAt(0)!, where);
  return m;
}

describe('Noto Sans SC subset', () => {
  let subset: SubsetResult;
  let subsetCmap: Set<number>;
  let fullCmap: Set<number>;
  beforeAll(async () => {
    subset = await makeSubset(ROOT, 400, mkdtempSync(join(tmpdir(), 'atlas-font-')));
    subsetCmap = cmapOf(subset.path);
    fullCmap = cmapOf(fullFontPath(400));
  }, 60_000);

  const catalogueText = () =>
    Object.entries({ zh, en, maplibreZh, maplibreEn }).flatMap(([name, cat]) => strings(cat).map((text) => ({ where: `i18n ${name}: ${text.slice(0, 30)}`, text })));
  const dataText = () =>
    readdirSync(join(ROOT, 'geodata'))
      .filter((f) => /\.(geo)?json$/.test(f))
      .flatMap((f) => strings(JSON.parse(readFileSync(join(ROOT, 'geodata', f), 'utf8'))).map((text) => ({ where: `geodata/${f}: ${text.slice(0, 30)}`, text })));

  it('has a glyph for every character of both UI catalogues', () => {
    const missing = [...characters(catalogueText())].filter(([c]) => !subsetCmap.has(c)).map(([c, where]) => `${String.fromCodePoint(c)} (U+${c.toString(16)}) in ${where}`);
    expect(missing).toEqual([]);
  });

  it('has a glyph for every character of every string in geodata/ (names, descriptions, quotes, notes)', () => {
    const texts = dataText();
    expect(texts.length).toBeGreaterThan(100);
    const missing = [...characters(texts)].filter(([c]) => !subsetCmap.has(c)).map(([c, where]) => `${String.fromCodePoint(c)} (U+${c.toString(16)}) in ${where}`);
    expect(missing).toEqual([]);
  });

  it('has digits, Latin letters and common punctuation', () => {
    const base = '0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz .,:;!?()[]/-+–—·×±²°%‰ 、。，：；！？（）「」《》';
    expect([...base].filter((ch) => !subsetCmap.has(ch.codePointAt(0)!))).toEqual([]);
  });

  it('is a subset: characters the Atlas never shows are left to the full font', () => {
    // 龘 and 鑫 are in Noto Sans SC but in no catalogue or data file.
    for (const ch of ['龘', '鑫']) {
      expect(fullCmap.has(ch.codePointAt(0)!)).toBe(true);
      expect(subsetCmap.has(ch.codePointAt(0)!)).toBe(false);
    }
    expect(subsetCmap.size).toBeLessThan(fullCmap.size / 10);
    expect(readFileSync(subset.path).length).toBeLessThan(250 * 1024);
  });

  it('declares exactly the code points its file has', () => {
    expect(subset.covered.filter((c) => !subsetCmap.has(c))).toEqual([]);
  });
});

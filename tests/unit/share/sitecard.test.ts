import { describe, expect, it } from 'vitest';
import { fitTitle, wrapLines } from '../../../src/lib/share/sitecard';
import { resolvePublicBase } from '../../../src/lib/share/publicUrl';

/** Monospaced stand-in for canvas measureText: Latin 10 px, CJK 20 px per character. */
const measure = (s: string) => [...s].reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? 20 : 10), 0);

describe('site card text layout', () => {
  it('wraps English between words only', () => {
    const text = 'Beijing Future Digital Space Innovation Pilot Zone provenance';
    const lines = wrapLines(measure, text, 200, 'en');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    const words = new Set(text.split(' '));
    for (const l of lines) for (const w of l.split(' ')) expect(words, `"${w}" in "${l}"`).toContain(w);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(200);
  });

  it('wraps Chinese between words, never inside 北京, 数字 or 试验', () => {
    const text = '北京未来数字空间创新试验区';
    const lines = wrapLines(measure, text, 90, 'zh-Hans');
    expect(lines.join('')).toBe(text);
    for (const l of lines) {
      expect(measure(l)).toBeLessThanOrEqual(90);
      for (const w of ['北京', '数字', '试验']) expect(text.indexOf(w) >= 0 && !l.endsWith(w[0]!) || l.endsWith(w)).toBe(true);
    }
  });

  it('keeps a title on one line when it fits at some size down to the minimum, else wraps it at the minimum', () => {
    const at = (size: number, s: string) => (measure(s) * size) / 10;
    expect(fitTitle(at, 'Shougang Park', 1120, 'en')).toEqual({ size: 48, lines: ['Shougang Park'] });
    const long = 'International S&T cooperation exchange centre (industrial-internet park)';
    const r = fitTitle(at, long, 1120, 'en');
    expect(r.size).toBe(32);
    // Lines break at spaces or after a hyphen, never inside a word.
    let rest = long;
    for (const l of r.lines) {
      expect(rest.startsWith(l)).toBe(true);
      rest = rest.slice(l.length);
      expect(rest === '' || rest.startsWith(' ') || l.endsWith('-')).toBe(true);
      rest = rest.trimStart();
    }
    expect(rest).toBe('');
    for (const l of r.lines) expect(at(32, l)).toBeLessThanOrEqual(1120);
  });
});

describe('public address for links', () => {
  const page = { origin: 'http://127.0.0.1:4173', pathname: '/' };
  it('uses the deployer’s meta tag first, then the build-time address, then the page', () => {
    expect(resolvePublicBase('https://atlas.example.org/sjs/', 'https://build.example.org/', page)).toBe('https://atlas.example.org/sjs/');
    expect(resolvePublicBase('', 'https://build.example.org/atlas/', page)).toBe('https://build.example.org/atlas/');
    expect(resolvePublicBase(null, undefined, page)).toBe('http://127.0.0.1:4173/');
  });
  it('ignores addresses that are not absolute http(s) URLs', () => {
    expect(resolvePublicBase('atlas.example.org', 'javascript:alert(1)', page)).toBe('http://127.0.0.1:4173/');
  });
});

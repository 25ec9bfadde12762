import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeView, defaultView, encodeView, LAYER_GROUPS, TABS, type ViewState } from '../../../src/lib/url/codec';
import { PlanPeriod, Sector, Status } from '../../../src/lib/data/schema';

const id = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((s) => s.length > 0 && s.length < 30);
const sub = <T>(xs: readonly T[]) => fc.subarray([...xs]);
const viewArb: fc.Arbitrary<ViewState> = fc.record({
  lang: fc.constantFrom('zh' as const, 'en' as const),
  camera: fc.option(
    fc.record({
      center: fc.tuple(fc.integer({ min: 11600000, max: 11630000 }).map((x) => x / 1e5), fc.integer({ min: 3980000, max: 4000000 }).map((x) => x / 1e5)),
      zoom: fc.integer({ min: 0, max: 2200 }).map((x) => x / 100),
      bearing: fc.integer({ min: -1800, max: 1800 }).map((x) => x / 10),
      pitch: fc.integer({ min: 0, max: 600 }).map((x) => x / 10),
    }),
    { nil: null },
  ),
  selection: fc.option(fc.record({ type: fc.constantFrom('zone' as const, 'point' as const, 'station' as const, 'district' as const), id }), { nil: null }),
  layers: sub(LAYER_GROUPS),
  sectors: sub(Sector.options),
  statuses: sub(Status.options),
  period: fc.option(fc.constantFrom(...PlanPeriod.options), { nil: null }),
  versions: fc.dictionary(id, id, { maxKeys: 3 }),
  tab: fc.constantFrom(...TABS),
  compare: fc.option(
    fc.record({ a: id, b: id, swipe: fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000) }).filter((c) => c.a !== c.b),
    { nil: null },
  ),
});

describe('URL codec', () => {
  it('round-trips every valid view (layers compared as sets)', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const { view: back, problems } = decodeView(`?${encodeView(view)}`, 'zh');
        expect(problems).toEqual([]);
        expect({ ...back, layers: [...back.layers].sort() }).toEqual({ ...view, layers: [...view.layers].sort() });
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing but the language for the default view', () => {
    expect(encodeView(defaultView('en'))).toBe('lang=en');
  });

  it('keeps the valid parts of a link and reports each invalid one', () => {
    const { view, problems } = decodeView('?lang=klingon&c=1,2,3&sel=zone:ai-cluster&sector=ai,warp-drive&tab=audit&period=13th-fyp', 'en');
    expect(view.lang).toBe('en');
    expect(view.camera).toBeNull();
    expect(view.selection).toEqual({ type: 'zone', id: 'ai-cluster' });
    expect(view.sectors).toEqual([]);
    expect(view.tab).toBe('audit');
    expect(view.period).toBe('13th-fyp');
    expect(problems.map((p) => p.param).sort()).toEqual(['c', 'lang', 'sector']);
  });

  it('rejects hostile or malformed selections without throwing', () => {
    for (const bad of ['zone:<img src=x>', 'zone', 'planet:x', 'zone:a:b', '']) {
      const { view, problems } = decodeView(`?sel=${encodeURIComponent(bad)}`, 'zh');
      expect(view.selection).toBeNull();
      expect(problems).toHaveLength(1);
    }
  });

  it('reads a camera outside the valid ranges as no camera', () => {
    expect(decodeView('?c=500,39.9,12,0,0', 'zh').view.camera).toBeNull();
    expect(decodeView('?c=116.2,39.9,NaN,0,0', 'zh').view.camera).toBeNull();
  });

  it('reads layers=none as all groups hidden', () => {
    expect(decodeView('?layers=none', 'zh').view.layers).toEqual([]);
    expect(encodeView({ ...defaultView('zh'), layers: [] })).toContain('layers=none');
  });

  describe('compare view (cmp)', () => {
    it('reads left, right and the divider position', () => {
      const { view, problems } = decodeView('?cmp=zgc-sjs-park-before,zgc-sjs-park-after,0.25', 'zh');
      expect(problems).toEqual([]);
      expect(view.compare).toEqual({ a: 'zgc-sjs-park-before', b: 'zgc-sjs-park-after', swipe: 0.25 });
    });

    it('writes it as cmp=a,b,swipe with the divider to 3 decimals', () => {
      const q = encodeView({ ...defaultView('en'), compare: { a: 'drawn-1', b: 'zgc-sjs-park-after', swipe: 0.123456 } });
      expect(q).toBe('lang=en&cmp=drawn-1,zgc-sjs-park-after,0.123');
    });

    it('drops and reports a malformed or out-of-range compare, keeping the rest', () => {
      for (const bad of ['a,b', 'a,b,1.5', 'a,a,0.5', 'a,<b>,0.5', 'a,b,', 'a,b,x', 'a,b,0.5,9']) {
        const { view, problems } = decodeView(`?lang=en&tab=audit&cmp=${encodeURIComponent(bad)}`, 'zh');
        expect(view.compare, bad).toBeNull();
        expect(view.tab).toBe('audit');
        expect(problems.map((p) => p.param), bad).toEqual(['cmp']);
      }
    });
  });
});

describe('kiosk set-up in the address bar', () => {
  it('keeps kiosk, idle, step and countdown beside the view, so a reload stays a kiosk', async () => {
    const { viewQuery, defaultView } = await import('../../../src/lib/url/codec');
    const q = new URLSearchParams(viewQuery(defaultView('zh'), '?kiosk&idle=60&step=9&countdown=10&sel=zone:x'));
    expect(q.has('kiosk')).toBe(true);
    expect([q.get('idle'), q.get('step'), q.get('countdown')]).toEqual(['60', '9', '10']);
    expect(q.has('sel')).toBe(false);
  });
});

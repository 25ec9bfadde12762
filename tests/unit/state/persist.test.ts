import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProposals, saveProposals } from '../../../src/lib/state/persist';
import { parseUserZones } from '../../../src/lib/data/userfile';

class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

const proposal = parseUserZones(readFileSync('tests/fixtures/proposals/zgc-after-3800m-square.geojson', 'utf8'), 'p.geojson').zones;

describe('stored planning files', () => {
  it('come back as they were saved', () => {
    const s = new MemoryStorage() as unknown as Storage;
    expect(saveProposals(proposal, s)).toBe(true);
    expect(loadProposals(s)).toEqual(proposal);
  });

  it('are validated again: tampered or broken entries are dropped, nothing throws', () => {
    const s = new MemoryStorage() as unknown as Storage;
    const bowtie = { ...proposal[0]!, geometry: { type: 'Polygon', coordinates: [[[116.18, 39.91], [116.19, 39.92], [116.19, 39.91], [116.18, 39.92], [116.18, 39.91]]] } };
    s.setItem('shijingshan-atlas.proposals.v1', JSON.stringify([proposal[0], { nope: 1 }, bowtie]));
    expect(loadProposals(s)).toEqual(proposal);
    s.setItem('shijingshan-atlas.proposals.v1', '{not json');
    expect(loadProposals(s)).toEqual([]);
    expect(loadProposals(undefined)).toEqual([]);
  });

  it('clears the store when no file is open', () => {
    const s = new MemoryStorage() as unknown as Storage;
    saveProposals(proposal, s);
    saveProposals([], s);
    expect(s.length).toBe(0);
  });
});

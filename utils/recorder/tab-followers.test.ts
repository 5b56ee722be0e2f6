import { describe, expect, it } from 'vitest';
import { MAX_FOLLOWED_TABS, TabFollowers } from './tab-followers';

describe('tab following', () => {
  it('puts tabs opened by a tab, and by those tabs, in its group', () => {
    const tabs = new TabFollowers();
    tabs.follow(2, 1);
    tabs.follow(3, 2);
    tabs.follow(4, 1);
    tabs.follow(6, 5);
    expect([...tabs.groupOf(1)].sort()).toEqual([1, 2, 3, 4]);
    expect([...tabs.groupOf(2)].sort()).toEqual([2, 3]);
    expect([...tabs.groupOf(5)].sort()).toEqual([5, 6]);
    expect(tabs.rootOf(3)).toBe(1);
    expect(tabs.rootOf(9)).toBe(9);
  });

  it('refuses an opener cycle rather than looping', () => {
    const tabs = new TabFollowers();
    tabs.follow(2, 1);
    tabs.follow(1, 2);
    tabs.follow(3, 3);
    expect(tabs.rootOf(2)).toBe(1);
    expect([...tabs.groupOf(1)].sort()).toEqual([1, 2]);
    expect(tabs.entries()).toEqual([[2, 1]]);
  });

  it('forgets the oldest tabs beyond its bound', () => {
    const tabs = new TabFollowers();
    for (let i = 1; i <= MAX_FOLLOWED_TABS + 1; i++) tabs.follow(10_000 + i, 1);
    expect(tabs.entries().length).toBe(MAX_FOLLOWED_TABS);
    expect(tabs.rootOf(10_001)).toBe(10_001);
    expect(tabs.rootOf(10_002)).toBe(1);
  });
});

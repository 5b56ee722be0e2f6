// Sign-ins often continue in a tab or window the page opens (an IdP pop-up, a "sign in" link with
// target=_blank): such tabs belong to the capture group of the tab that opened them. `tabs.onCreated` gives
// `openerTabId` without the `tabs` permission.

/** Tabs opened while recording, remembered for the session; the oldest are forgotten beyond this. */
export const MAX_FOLLOWED_TABS = 1000;

export class TabFollowers {
  /** tab → the tab that opened it, oldest first. */
  private readonly openers = new Map<number, number>();

  constructor(openers: Iterable<[number, number]> = []) {
    for (const [tab, opener] of openers) this.follow(tab, opener);
  }

  /** Records that `tabId` was opened by `openerTabId`. */
  follow(tabId: number, openerTabId: number): void {
    // A cycle would make groups endless; tab ids are not reused within a session, so one means bad input.
    if (tabId === openerTabId || this.rootOf(openerTabId) === tabId) return;
    this.openers.delete(tabId);
    this.openers.set(tabId, openerTabId);
    if (this.openers.size > MAX_FOLLOWED_TABS) this.openers.delete(this.openers.keys().next().value!);
  }

  /** The tab that started the chain of openers `tabId` belongs to. */
  rootOf(tabId: number): number {
    let tab = tabId;
    for (let hops = 0; hops <= this.openers.size; hops++) {
      const opener = this.openers.get(tab);
      if (opener === undefined) return tab;
      tab = opener;
    }
    return tab;
  }

  /** `tabId` and every tab it opened, directly or through tabs it opened. */
  groupOf(tabId: number): Set<number> {
    const group = new Set([tabId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [tab, opener] of this.openers) {
        if (group.has(opener) && !group.has(tab)) {
          group.add(tab);
          grew = true;
        }
      }
    }
    return group;
  }

  entries(): Array<[number, number]> {
    return [...this.openers];
  }
}

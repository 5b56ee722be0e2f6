import type { HarEntry } from '../har/types';

/**
 * Exchanges already read, by HAR entry object and protocol: the panel re-analyzes every kept exchange when one
 * arrives, and must not decode and parse them all again. What each protocol stores is its own business. Entries
 * that are dropped are garbage-collected with their reads.
 */
export interface ReadCache {
  readonly byProtocol: Map<string, WeakMap<HarEntry, unknown>>;
  /** Entries read from scratch (detected, decoded, parsed) through this cache: a count for tests. */
  reads: number;
}

export function createReadCache(): ReadCache {
  return { byProtocol: new Map(), reads: 0 };
}

/** One protocol's part of the cache. */
export function protocolCache<T>(cache: ReadCache, protocol: string): WeakMap<HarEntry, T> {
  let map = cache.byProtocol.get(protocol);
  if (!map) cache.byProtocol.set(protocol, (map = new WeakMap()));
  return map as WeakMap<HarEntry, T>;
}

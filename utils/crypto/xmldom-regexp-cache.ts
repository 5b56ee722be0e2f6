// xmldom 0.9 builds a RegExp from its grammar's long Unicode sources for every end tag it reads (sax.js:
// `g.reg('^', g.QName_group, g.S_OPT, '$')`): on a large HAR that was about a tenth of the time spent checking
// signatures. The grammar's `reg` is a pure function of its arguments, always the grammar's own constant strings
// and RegExps, and it makes no global or sticky RegExp (no state kept between uses): each result is remembered.
// @ts-expect-error xmldom publishes no types for its grammar module, only for the DOM API
import grammar from '@xmldom/xmldom/lib/grammar.js';

type Part = string | RegExp;
type Reg = (this: unknown, ...parts: Part[]) => RegExp;
interface Grammar {
  reg: Reg & { cached?: true };
}

/** Remembered combinations; past this many, new ones are built each time as before (a bound, never reached). */
const MAX_CACHED = 256;

interface Trie {
  next: Map<Part, Trie>;
  re?: RegExp;
}

/** Makes xmldom's `reg` remember what it built. Idempotent; `g` is for tests. */
export function cacheXmldomRegExps(g: Grammar = grammar as Grammar): void {
  if (typeof g.reg !== 'function' || g.reg.cached) return;
  const build = g.reg;
  // Keyed by the parts themselves (strings by value, RegExps by identity: the grammar's constants), so a
  // lookup costs no string building.
  const root: Trie = { next: new Map() };
  let size = 0;
  const cached: Reg & { cached?: true } = function (this: unknown, ...parts: Part[]): RegExp {
    let node: Trie | undefined = root;
    for (const p of parts) if ((node = node.next.get(p)) === undefined) break;
    if (node?.re) return node.re;
    const re = build.apply(this, parts);
    if (size < MAX_CACHED && !re.global && !re.sticky) {
      let at = root;
      for (const p of parts) {
        let child = at.next.get(p);
        if (!child) at.next.set(p, (child = { next: new Map() }));
        at = child;
      }
      at.re = re;
      size++;
    }
    return re;
  };
  cached.cached = true;
  g.reg = cached;
}

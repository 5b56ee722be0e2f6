// JSON Web Tokens (RFC 7519: JWS compact, three segments; JWE compact, five) anywhere in a text. A token
// starts with `eyJ` (base64url of `{"`) at a word boundary; one pass, no regular expression.

export interface FoundJwt {
  start: number;
  end: number;
}

const isB64Url = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;

/** A token starts after a non-base64url character, or after a percent-escape (`id_token%3DeyJ…`). */
function atBoundary(text: string, i: number): boolean {
  if (i === 0 || !isB64Url(text.charCodeAt(i - 1))) return true;
  return i >= 3 && text.charCodeAt(i - 3) === 0x25;
}

function segmentEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isB64Url(text.charCodeAt(i))) i++;
  return i;
}

export function findJwts(text: string): FoundJwt[] {
  const found: FoundJwt[] = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf('eyJ', from);
    if (i < 0) return found;
    if (!atBoundary(text, i)) {
      from = i + 1;
      continue;
    }
    // Every segment boundary is a '.'; a later start inside these segments would end where this one did,
    // so on failure the search resumes after them (linear time on "eyJeyJeyJ…").
    const ends: number[] = [];
    let end = segmentEnd(text, i);
    ends.push(end);
    while (ends.length < 5 && text.charCodeAt(end) === 0x2e) {
      end = segmentEnd(text, end + 1);
      ends.push(end);
    }
    // Header of at least `{"alg":""}` and a payload (JWS) or five segments (JWE).
    const ok = ends[0]! - i >= 12 && (ends.length === 5 || (ends.length >= 3 && ends[1]! > ends[0]! + 1));
    if (ok) {
      const last = ends.length === 5 ? ends[4]! : ends[2]!;
      found.push({ start: i, end: last });
      from = last;
    } else {
      from = Math.max(end, i + 1);
    }
  }
}

export function isWholeJwt(s: string): boolean {
  const found = s.startsWith('eyJ') ? findJwts(s) : [];
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === s.length;
}

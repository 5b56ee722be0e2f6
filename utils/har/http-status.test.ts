import { describe, expect, it } from 'vitest';
import type { HarEntry } from './types';
import { httpStatusOf } from './http-status';

const withStatus = (status: unknown) => ({ response: { status, headers: [] } }) as unknown as HarEntry;

describe('httpStatusOf', () => {
  it('reads numbers and numeric strings', () => {
    expect(httpStatusOf(withStatus(500))).toBe(500);
    expect(httpStatusOf(withStatus('502'))).toBe(502);
    expect(httpStatusOf(withStatus(' 404 '))).toBe(404);
  });
  it('has no status for no answer, junk or a missing response', () => {
    expect(httpStatusOf(withStatus(0))).toBeUndefined();
    expect(httpStatusOf(withStatus('five hundred'))).toBeUndefined();
    expect(httpStatusOf(withStatus(null))).toBeUndefined();
    expect(httpStatusOf(withStatus(42.5))).toBeUndefined();
    expect(httpStatusOf({} as HarEntry)).toBeUndefined();
    expect(httpStatusOf(undefined)).toBeUndefined();
  });
});

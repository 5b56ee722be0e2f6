import { describe, expect, it } from 'vitest';
import { analyze } from '../utils/analyze';
import { b64, postEntry } from '../tests/support/har-builder';
import { buildResponse, SONAR_ACS } from '../tests/support/response-builder';
import { valueScrubber } from './scrub-values';

describe('valueScrubber', () => {
  const xml = buildResponse({ nameId: 'jane.doe@corp.example', attributes: { login: ['jdoe'], name: ['Jane Doe'], groups: ['sonar-admins', '1'] } });
  const { messages } = analyze([postEntry(SONAR_ACS, 'SAMLResponse', b64(xml))]);
  const scrub = valueScrubber(messages);

  it('replaces NameIDs, attribute values and e-mails, the same value by the same placeholder', () => {
    const out = scrub('jane.doe@corp.example (Jane Doe, jdoe) is in sonar-admins; mail bob@other.example; jane.doe@corp.example again');
    expect(out).not.toMatch(/jane|Jane|jdoe|sonar-admins|bob@/);
    expect(out.match(/user\d+@redacted\.invalid/g)).toHaveLength(3);
    expect(new Set(out.match(/user\d+@redacted\.invalid/g)).size).toBe(2);
  });

  it('leaves words of the report and short values alone', () => {
    expect(scrub('1 error: sonar-admins-old and xjdoe differ')).toBe('1 error: sonar-admins-old and xjdoe differ');
  });
});

// SonarQube Cloud signs users in only when the sign-in starts at the service (SP-initiated), so admins hand
// out two links: the SSO login page (users type the enterprise key) and the one-click link (key included).
// https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/complete-setup

export type SonarRegion = 'eu' | 'us';

export const SONAR_REGIONS: Record<SonarRegion, { host: string; label: string }> = {
  eu: { host: 'sonarcloud.io', label: 'EU (sonarcloud.io)' },
  us: { host: 'sonarqube.us', label: 'US (sonarqube.us)' },
};

export const SSO_TROUBLESHOOTING_DOC =
  'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/troubleshooting';

export function isSonarRegion(value: unknown): value is SonarRegion {
  return value === 'eu' || value === 'us';
}

/** The SSO login page, where a user types the enterprise key. */
export function sonarLoginUrl(region: SonarRegion): string {
  return `https://${SONAR_REGIONS[region].host}/login/sso`;
}

/** The one-click link: the SSO login page with the enterprise key filled in. */
export function sonarOneClickLink(region: SonarRegion, enterpriseKey: string): string {
  return `${sonarLoginUrl(region)}?enterprise_key=${encodeURIComponent(enterpriseKey)}`;
}

export type EnterpriseKeyCheck =
  | { ok: true; key: string }
  | {
      ok: false;
      message: string;
      /** A key (and region) found in what was typed, offered as a one-click fix. */
      suggestion?: { key: string; region?: SonarRegion };
    };

const WHY = "An invalid enterprise key is the first cause in SonarQube Cloud's SSO troubleshooting guide.";

/** The region a SonarQube Cloud host belongs to, or undefined for any other host. */
export function sonarRegionOfHost(host: string): SonarRegion | undefined {
  const h = host.toLowerCase();
  for (const [region, { host: base }] of Object.entries(SONAR_REGIONS) as Array<[SonarRegion, { host: string }]>) {
    if (h === base || h.endsWith(`.${base}`)) return region;
  }
  return undefined;
}

function keyFromUrl(text: string): { key: string; region?: SonarRegion } | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  const key = url.searchParams.get('enterprise_key')?.trim();
  if (!key) return undefined;
  return { key, region: sonarRegionOfHost(url.hostname) };
}

/**
 * Checks an enterprise key as the admin types it. Only the shape is checked: whether the key exists is
 * something only SonarQube Cloud knows, and we make no network call to find out.
 */
export function checkEnterpriseKey(input: string): EnterpriseKeyCheck {
  const key = input.trim();
  if (!key) return { ok: false, message: 'Enter the enterprise key (SonarQube Cloud: your enterprise > Administration).' };

  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(key) || /(^|\.)(sonarcloud\.io|sonarqube\.us)(\/|$|\?)/i.test(key);
  if (looksLikeUrl || key.includes('enterprise_key=')) {
    const found = keyFromUrl(key);
    if (found && checkEnterpriseKey(found.key).ok) {
      return {
        ok: false,
        message: `This is a full URL, not a key. Its enterprise key is "${found.key}". ${WHY}`,
        suggestion: found,
      };
    }
    return {
      ok: false,
      message: `This looks like a URL, not an enterprise key, and it has no enterprise_key parameter to take the key from. ${WHY}`,
    };
  }
  if (/\s/.test(key)) {
    return { ok: false, message: `An enterprise key has no spaces; check for a space copied with it. ${WHY}` };
  }
  if (/\/+$/.test(key)) {
    const trimmed = key.replace(/\/+$/, '');
    return {
      ok: false,
      message: `Remove the trailing slash: the key is "${trimmed}". ${WHY}`,
      ...(trimmed && checkEnterpriseKey(trimmed).ok ? { suggestion: { key: trimmed } } : {}),
    };
  }
  const punctuation = key.match(/[/?#&=%\\"'<>]/)?.[0];
  if (punctuation) {
    return { ok: false, message: `"${punctuation}" is URL punctuation, not part of an enterprise key: copy the key alone. ${WHY}` };
  }
  return { ok: true, key };
}

export type SignInLinkCheck = { ok: true; message: string } | { ok: false; message: string };

/**
 * Checks the link or key a user actually used against the enterprise's own: the first cause on SonarQube
 * Cloud's troubleshooting page is an invalid key or login URL.
 */
export function checkSignInLink(input: string, enterprise: { region: SonarRegion; key: string }): SignInLinkCheck {
  const text = input.trim();
  const expected = sonarOneClickLink(enterprise.region, enterprise.key);
  if (!text) return { ok: false, message: 'Nothing was pasted.' };
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /(^|\.)(sonarcloud\.io|sonarqube\.us)(\/|$|\?)/i.test(text);
  if (!looksLikeUrl) {
    const check = checkEnterpriseKey(text);
    if (!check.ok) return { ok: false, message: check.message };
    if (check.key === enterprise.key) return { ok: true, message: `“${check.key}” is this enterprise’s key.` };
    const caseOnly = check.key.toLowerCase() === enterprise.key.toLowerCase();
    return { ok: false, message: `“${check.key}” is not this enterprise’s key “${enterprise.key}”${caseOnly ? ' (they differ in case)' : ''}.` };
  }
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: `This is not a readable URL. Send ${expected} instead.` };
  }
  const region = sonarRegionOfHost(url.hostname);
  if (!region) return { ok: false, message: `${url.hostname} is not SonarQube Cloud: sign-in must start at ${SONAR_REGIONS[enterprise.region].host}.` };
  if (region !== enterprise.region) {
    return { ok: false, message: `This link goes to ${SONAR_REGIONS[region].host}, but the enterprise is in ${SONAR_REGIONS[enterprise.region].label}.` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `Use https: ${expected}.` };
  if (url.pathname.replace(/\/+$/, '') !== '/login/sso') {
    return { ok: false, message: `${url.pathname} is not the SSO login page (/login/sso). Send ${expected}.` };
  }
  const key = url.searchParams.get('enterprise_key');
  if (key === null) return { ok: true, message: `This is the login URL: the user must type the enterprise key “${enterprise.key}” exactly.` };
  if (key === enterprise.key) return { ok: true, message: 'The link carries this enterprise’s key and goes to its region.' };
  const caseOnly = key.toLowerCase() === enterprise.key.toLowerCase();
  return { ok: false, message: `The link’s enterprise_key “${key}” is not “${enterprise.key}”${caseOnly ? ' (they differ in case)' : ''}. Send ${expected}.` };
}

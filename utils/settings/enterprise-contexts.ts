// The stored enterprises as the analysis sees them: which flows are theirs and what their admins set up, so a
// SCIM enterprise, an Okta Express setup or the setup assistant's attribute names change the verdict.
import { sonarOneClickLink } from '../links/sonarqube-cloud';
import type { EnterpriseContext } from '../profiles/types';
import type { Settings } from './schema';

export function enterpriseContexts(settings: Pick<Settings, 'enterprises'>): EnterpriseContext[] {
  return settings.enterprises.map((e): EnterpriseContext => {
    if (e.service === 'devolutions-cloud') return { id: e.id, name: e.name, profile: 'devolutions-cloud', urls: [e.url] };
    const context: EnterpriseContext = {
      id: e.id,
      name: e.name,
      profile: 'sonarqube-cloud',
      startUrls: [sonarOneClickLink(e.region, e.key)],
      provisioning: e.provisioning,
      oktaExpress: e.oktaExpress,
    };
    const sso = e.sso;
    if (sso?.acsUrl || sso?.entityId) context.sp = { ...(sso.acsUrl ? { acsUrl: sso.acsUrl } : {}), ...(sso.entityId ? { entityId: sso.entityId } : {}) };
    if (sso?.attributes) context.mapping = Object.fromEntries(Object.entries(sso.attributes).map(([field, name]) => [field, [name]]));
    if (sso?.idp) context.idp = sso.idp;
    return context;
  });
}

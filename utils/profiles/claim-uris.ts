// Claim URIs that IdPs (ADFS, Entra ID, many others) use as attribute names.
export const CLAIM = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  displayName: 'http://schemas.microsoft.com/identity/claims/displayname',
  entraGroups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  adfsGroup: 'http://schemas.xmlsoap.org/claims/Group',
  /** Entra ID sends this instead of groups when the user is in more groups than the token may hold. */
  entraGroupsLink: 'http://schemas.microsoft.com/claims/groups.link',
  windowsAccountName: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname',
} as const;

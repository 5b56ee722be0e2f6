// The message an admin sends users after SSO is set up. SonarQube Cloud's "complete setup" guide lists what users
// should check after their first SSO sign-in; the default template carries those checks.

export const INVITE_PLACEHOLDERS = ['link', 'loginUrl', 'enterprise', 'enterpriseKey'] as const;
export type InvitePlaceholder = (typeof INVITE_PLACEHOLDERS)[number];
export type InviteValues = Record<InvitePlaceholder, string>;

export const DEFAULT_INVITE_TEMPLATE = `Hello,

{enterprise} now signs in to SonarQube Cloud with single sign-on (SSO).
Always start at SonarQube Cloud. Sign in with one click: {link}
(or open {loginUrl} and enter the enterprise key "{enterpriseKey}").

After your first SSO sign-in, please check that:
- you can see and work in your organization(s) as before;
- if you use personal access tokens, you generate your analysis tokens with your SSO account (tokens of your DevOps platform account work only as long as that account exists);
- from the Team plan, scoped organization tokens are highly recommended instead of personal access tokens.

Thank you!`;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

function isPlaceholder(name: string): name is InvitePlaceholder {
  return (INVITE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Fills the template; an unknown {name} stays as typed so the admin sees it. */
export function renderInviteMessage(template: string, values: InviteValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/** Placeholders in the template that will not be filled (typos such as {Link}). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (name && !isPlaceholder(name)) unknown.add(`{${name}}`);
  return [...unknown];
}

/** Warnings for the template editor: missing link, unknown placeholders. */
export function checkInviteTemplate(template: string): string[] {
  const problems: string[] = [];
  if (!template.trim()) problems.push('The template is empty: the default text will be used.');
  else if (!template.includes('{link}') && !template.includes('{loginUrl}')) {
    problems.push('The template has no {link} or {loginUrl}: users would get no way to sign in.');
  }
  const unknown = unknownPlaceholders(template);
  if (unknown.length) problems.push(`Not a placeholder: ${unknown.join(', ')}. Use ${INVITE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
  return problems;
}

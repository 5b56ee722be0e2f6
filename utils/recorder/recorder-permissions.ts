// What recording needs granted: webRequest and the host patterns the manifest declares optional (MV3
// `optional_host_permissions`; Firefox MV2 lists them in `optional_permissions`; asking for an undeclared pattern
// fails). The panel asks for this set in the user's click; the background can only check it.

export interface RecorderPermissions {
  permissions: string[];
  origins: string[];
}

export function recorderPermissions(manifest: { optional_host_permissions?: string[]; optional_permissions?: string[] }): RecorderPermissions {
  const declared = [...(manifest.optional_host_permissions ?? []), ...(manifest.optional_permissions ?? [])];
  const origins = [...new Set(declared.filter((p) => p === '<all_urls>' || p.includes('://')))];
  return { permissions: ['webRequest'], origins };
}

/** Did the user take back something recording needs? */
export function losesRecording(removed: { permissions?: string[]; origins?: string[] }, needed: RecorderPermissions): boolean {
  return !!(removed.permissions?.some((p) => needed.permissions.includes(p)) || removed.origins?.some((o) => needed.origins.includes(o)));
}

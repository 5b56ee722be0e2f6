export type GroupStoreErrorCode =
  /** The browser refused to store more (QuotaExceededError). */
  | 'quota'
  /** Another SSO Lens page holds the database open at an older version, so it cannot be upgraded. */
  | 'blocked'
  /** The database was written by a newer SSO Lens (VersionError); it is left untouched. */
  | 'newer-version'
  /** No IndexedDB here (some private windows) or the connection was closed under us. */
  | 'unavailable'
  /** The list given to the store is not one it can keep (no organization, no groups…). */
  | 'invalid'
  | 'failed';

/** Every failure of the group cache, with a message meant for the user. The cache is never wiped on error. */
export class GroupStoreError extends Error {
  override name = 'GroupStoreError';
  constructor(
    readonly code: GroupStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

/** Maps an IndexedDB failure (thrown, request error or transaction error) to a GroupStoreError. */
export function toGroupStoreError(error: unknown, action: string): GroupStoreError {
  if (error instanceof GroupStoreError) return error;
  const name = errorName(error);
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  switch (name) {
    case 'QuotaExceededError':
      return new GroupStoreError(
        'quota',
        `Not enough storage space to ${action}: the browser refused to store more. Delete other cached organizations or free disk space; the previously cached list was kept.`,
        { cause: error },
      );
    case 'VersionError':
      return new GroupStoreError(
        'newer-version',
        'The group cache was written by a newer version of SSO Lens. Update the extension; the cache was left as it is.',
        { cause: error },
      );
    case 'InvalidStateError':
      return new GroupStoreError(
        'unavailable',
        `The group cache was closed while trying to ${action}; reload the page and try again.`,
        { cause: error },
      );
    default:
      return new GroupStoreError('failed', `Could not ${action}${detail}. The previously cached list was kept.`, {
        cause: error,
      });
  }
}

/** How often, at most, a screen reader hears about new captures while recording: more would drown the user. */
export const ANNOUNCE_EVERY_MS = 5_000;

export interface AnnouncerState {
  /** The message count last announced (or seen when the list was cleared or a file was opened). */
  announced: number;
  /** When the last announcement was made, ms since the epoch. */
  at: number;
}

/**
 * What to announce for a message count: "3 new messages captured" once per ANNOUNCE_EVERY_MS, nothing when the
 * count did not grow (a clear or a smaller filter resets the baseline) and nothing for a file just opened, whose
 * import result is announced by its own banner.
 */
export function nextAnnouncement(state: AnnouncerState, count: number, now: number, live: boolean): { state: AnnouncerState; text?: string; retryInMs?: number } {
  if (!live || count <= state.announced) return { state: { announced: count, at: state.at } };
  const wait = state.at + ANNOUNCE_EVERY_MS - now;
  if (wait > 0) return { state, retryInMs: wait };
  const added = count - state.announced;
  return { state: { announced: count, at: now }, text: `${added} new ${added === 1 ? 'message' : 'messages'} captured, ${count} in all` };
}

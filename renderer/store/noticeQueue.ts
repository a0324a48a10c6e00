/**
 * The toasts' list as pure functions: a message that is already shown is counted (×3) instead
 * of stacked, and how long each kind stays. The UI store keeps the list and the timers.
 */

/** A button in the toast, e.g. Undo after a template replaced the network. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
  /** How many times this message arrived while it was shown. */
  count: number;
  /** Screen position for messages shown at the pointer (refused connections). */
  at?: { x: number; y: number };
  action?: NoticeAction;
}

/** Toasts shown at once; the rest wait behind a "+k more" line. */
export const MAX_VISIBLE = 4;
/** Kept in memory: enough for "+k more", bounded however often a message repeats. */
const MAX_KEPT = 20;

/**
 * The list after `incoming` arrives: a toast with the same words and kind is counted up and
 * moved to the newest place (its id kept, so its close button stays the same control); anything
 * else is appended. Pointer messages are never grouped: each belongs to its own gesture.
 */
export function addNotice(
  list: readonly Notice[],
  incoming: Omit<Notice, 'count'>,
): { list: Notice[]; id: number } {
  const same = incoming.at
    ? undefined
    : list.find((n) => !n.at && n.text === incoming.text && n.kind === incoming.kind);
  if (same) {
    const grown: Notice = {
      ...same,
      count: same.count + 1,
      ...(incoming.action ? { action: incoming.action } : {}),
    };
    return { list: [...list.filter((n) => n !== same), grown], id: same.id };
  }
  return { list: [...list, { ...incoming, count: 1 }].slice(-MAX_KEPT), id: incoming.id };
}

/**
 * How long a toast stays by itself, in ms, or null when it stays until closed: errors wait to be
 * read; information, and messages at the pointer, leave after a few seconds (an action gives
 * more time to press it).
 */
export function lifetime(n: Pick<Notice, 'kind' | 'at' | 'action'>): number | null {
  if (n.at) return 4000;
  if (n.kind === 'error') return null;
  return n.action ? 10_000 : 5000;
}

/** The toasts on show (the newest MAX_VISIBLE) and how many wait behind them. */
export function visibleNotices(list: readonly Notice[]): { shown: Notice[]; hidden: number } {
  const docked = list.filter((n) => !n.at);
  const shown = docked.slice(-MAX_VISIBLE);
  return { shown, hidden: docked.length - shown.length };
}

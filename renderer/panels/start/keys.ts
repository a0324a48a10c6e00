/**
 * Keyboard handling of the start screen, a modal dialog: Tab stays inside it (a focus trap), and
 * the arrow keys move between the items of a list (recent projects, lessons). Radio groups get
 * their arrow keys from the browser.
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), a[href]';

/** The elements Tab stops at, in order: of each radio group only the checked radio. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
}

/** Keeps Tab and Shift+Tab inside `root`, wrapping at either end. */
export function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const stops = tabStops(root);
  if (!stops.length) return;
  const first = stops[0]!;
  const last = stops.at(-1)!;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !root.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !root.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * Up/Down (and Home/End) move the focus between the buttons of the `[data-arrow-list]` the focus
 * is in. Returns true when it handled the key.
 */
export function moveInList(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement;
  const list = target.closest<HTMLElement>('[data-arrow-list]');
  if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return false;
  const items = Array.from(list.querySelectorAll<HTMLElement>('button:not(:disabled)'));
  const i = items.indexOf(target);
  if (i < 0) return false;
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
  e.preventDefault();
  items[next]?.focus();
  return true;
}

/**
 * The outline a lesson step or a guided-tour step puts on the control it talks about. A target
 * is a CSS selector or a function that finds the element (for controls known by their text,
 * such as a tab). Every target found is outlined.
 */
import { useEffect } from 'react';

/**
 * An attribute, not a class: React rewrites a node's className when it is selected (which a step
 * may ask for), but leaves attributes it does not own alone.
 */
export const HIGHLIGHT = 'data-lesson-highlight';

export type HighlightTarget = string | (() => Element | null);

function find(target: HighlightTarget): Element | null {
  return typeof target === 'string' ? document.querySelector(target) : target();
}

/**
 * Outlines the targets while mounted. They may not be on screen yet (another tab, a node not
 * selected): look again a few times a second, so each is outlined as soon as it appears.
 * `targets` must keep its identity between renders (a constant, or memoised).
 */
export function useHighlight(targets: readonly HighlightTarget[]): void {
  useEffect(() => {
    if (!targets.length) return;
    let marked: (Element | null)[] = targets.map(() => null);
    const look = () => {
      const found = targets.map(find);
      found.forEach((el, i) => {
        const before = marked[i];
        if (el === before) return;
        if (before && !found.includes(before)) before.removeAttribute(HIGHLIGHT);
        if (el) {
          el.setAttribute(HIGHLIGHT, '');
          el.scrollIntoView?.({ block: 'nearest' });
        }
      });
      marked = found;
    };
    look();
    const timer = window.setInterval(look, 250);
    return () => {
      window.clearInterval(timer);
      for (const el of marked) el?.removeAttribute(HIGHLIGHT);
    };
  }, [targets]);
}

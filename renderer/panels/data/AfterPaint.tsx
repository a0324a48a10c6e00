/**
 * Renders its children one task after the first frame has been painted, and an empty box of
 * about their height until then. The Data tab's columns table and preview (measured, virtualised
 * rows: a forced layout of the dock) cost ~50 ms or more each on a busy machine; deferred, the
 * tab itself paints at once and each table fills in its own short task: the render is flushed
 * inside the timeout's task, since two tables' timeouts would otherwise often run before React's
 * scheduled render and be rendered together, in one long task (~150 ms while training).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

export function AfterPaint({ children, height }: { children: ReactNode; height: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs before the paint; the timeout's task runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => flushSync(() => setReady(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  if (ready) return children;
  return <div className="after-paint" style={{ height }} aria-busy="true" />;
}

/**
 * A visible ⓘ beside a control's label that explains it in one sentence. The explanation is in
 * the page at all times (hidden) so the control can name it with aria-describedby; it shows on
 * hover and on keyboard focus of the ⓘ, at a fixed position so that no scrolling panel clips it.
 */
import { useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import './help.css';

/** The id the control should list in aria-describedby: derived from the field's own id. */
export const hintId = (fieldId: string) => `${fieldId}-help`;

export function Hint({ id, label, text }: { id?: string; label: string; text: string }) {
  const [open, setOpen] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({});
  const icon = useRef<HTMLSpanElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  const reactId = useId();
  const tipId = id ?? `hint-${reactId}`;

  // Below the icon, kept inside the window; above it when there is no room below.
  useLayoutEffect(() => {
    if (!open || !icon.current || !tipRef.current) return;
    const a = icon.current.getBoundingClientRect();
    const t = tipRef.current.getBoundingClientRect();
    const left = Math.max(8, Math.min(a.left - 12, window.innerWidth - t.width - 8));
    const below = a.bottom + 6;
    const top = below + t.height > window.innerHeight - 8 ? a.top - t.height - 6 : below;
    setStyle({ left, top });
  }, [open]);

  return (
    <span className="hint" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        ref={icon}
        className="hint-icon"
        tabIndex={0}
        role="button"
        // Not the field's words: those would make the ⓘ a second match for the field's label.
        aria-label="Help"
        data-help-for={label}
        aria-describedby={tipId}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setOpen((o) => !o);
          }
        }}
        // A click in a <label> would move focus to its field; the ⓘ keeps it.
        onClick={(e) => e.preventDefault()}
      >
        i
      </span>
      <span
        ref={tipRef}
        id={tipId}
        role="tooltip"
        className={open ? 'hint-text open' : 'hint-text'}
        style={open ? style : undefined}
      >
        {text}
      </span>
    </span>
  );
}

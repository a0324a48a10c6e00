/** Short messages: refused connections appear at the pointer, others at the bottom right. */
import { useUiStore } from '../store/ui';

export function Notices() {
  const notices = useUiStore((s) => s.notices);
  const dismiss = useUiStore((s) => s.dismiss);
  return (
    <>
      {notices
        .filter((n) => n.at)
        .map((n) => (
          <div
            key={n.id}
            className={`notice at-pointer ${n.kind}`}
            role="alert"
            style={{ left: n.at!.x + 12, top: n.at!.y + 12 }}
            onClick={() => dismiss(n.id)}
          >
            {n.text}
          </div>
        ))}
      <div className="notices" aria-live="polite">
        {notices
          .filter((n) => !n.at)
          .map((n) => (
            <div
              key={n.id}
              className={`notice ${n.kind}`}
              role={n.kind === 'error' ? 'alert' : 'status'}
              onClick={() => dismiss(n.id)}
            >
              {n.text}
            </div>
          ))}
      </div>
    </>
  );
}

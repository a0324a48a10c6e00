/**
 * Short messages: refused connections appear at the pointer, others as toasts at the bottom
 * right. A repeated message is counted (×3) rather than stacked, each toast has a close button,
 * information leaves by itself (see noticeQueue.lifetime), errors stay until closed, and past
 * MAX_VISIBLE toasts a "+k more" line says how many wait.
 */
import { visibleNotices, type Notice } from '../store/noticeQueue';
import { useUiStore } from '../store/ui';
import './notices.css';

function Toast({ n }: { n: Notice }) {
  const dismiss = useUiStore((s) => s.dismiss);
  return (
    <div
      className={`notice ${n.kind}`}
      role={n.kind === 'error' ? 'alert' : 'status'}
      aria-label={n.kind === 'error' ? 'Error' : 'Message'}
    >
      <span className="notice-text">{n.text}</span>
      {n.count > 1 && (
        <span className="notice-count" aria-label={`${n.count} times`}>
          ×{n.count}
        </span>
      )}
      {n.action && (
        <button
          type="button"
          className="notice-action"
          onClick={() => {
            n.action!.run();
            dismiss(n.id);
          }}
        >
          {n.action.label}
        </button>
      )}
      <button
        type="button"
        className="notice-close"
        aria-label="Close message"
        title="Close"
        onClick={() => dismiss(n.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useUiStore((s) => s.notices);
  const dismiss = useUiStore((s) => s.dismiss);
  const dismissAll = useUiStore((s) => s.dismissAll);
  const { shown, hidden } = visibleNotices(notices);
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
      <div className="notices" aria-live="polite" aria-label="Messages" role="region">
        {hidden > 0 && (
          <div className="notice notice-more">
            <span>+{hidden} more</span>
            <button type="button" className="link" onClick={dismissAll}>
              Close all
            </button>
          </div>
        )}
        {shown.map((n) => (
          <Toast key={n.id} n={n} />
        ))}
      </div>
    </>
  );
}

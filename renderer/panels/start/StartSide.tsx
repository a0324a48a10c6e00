/**
 * The start screen's other ways in: recent projects (this workspace's, in this browser; the
 * desktop app also lists them in File ▸ Open Recent), the lessons, and the guided tour.
 */
import { useRecentProjects } from '../../src/useRecentProjects';
import { LESSONS, type Lesson } from '../lessons/catalog';

/** "runs/iris.layerlab" → name "iris.layerlab", folder "runs" (relative to the workspace). */
function splitPath(path: string, workspace: string | null): { name: string; folder: string } {
  const inside =
    workspace && path.startsWith(workspace)
      ? path.slice(workspace.length).replace(/^[\\/]/, '')
      : path;
  const cut = Math.max(inside.lastIndexOf('/'), inside.lastIndexOf('\\'));
  return { name: inside.slice(cut + 1), folder: cut > 0 ? inside.slice(0, cut) : '' };
}

export function RecentList({
  workspace,
  onOpen,
  onBrowse,
}: {
  workspace: string | null;
  onOpen(path: string): void;
  onBrowse(): void;
}) {
  const list = useRecentProjects(workspace);
  return (
    <section className="start-section" aria-label="Recent projects">
      <h3>Recent projects</h3>
      {list.length ? (
        <ul className="start-list" data-arrow-list>
          {list.map((p) => {
            const { name, folder } = splitPath(p, workspace);
            return (
              <li key={p}>
                <button type="button" onClick={() => onOpen(p)} title={p}>
                  <span className="start-item-title">{name}</span>
                  <span className="start-item-about">{folder || 'workspace folder'}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted start-empty">Projects you save or open appear here.</p>
      )}
      <button type="button" className="start-link" onClick={onBrowse}>
        Open a project…
      </button>
    </section>
  );
}

export function LessonList({ onOpen }: { onOpen(lesson: Lesson): void }) {
  return (
    <section className="start-section" aria-label="Lessons">
      <h3>Lessons</h3>
      <ul className="start-list" data-arrow-list>
        {LESSONS.map((l) => (
          <li key={l.guide.id}>
            <button type="button" onClick={() => onOpen(l)} title={l.guide.concept}>
              <span className="start-item-title">{l.guide.title}</span>
              <span className="start-item-about">{l.guide.concept}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

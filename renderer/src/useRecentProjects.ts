/** The recent projects of this workspace (see projectFiles.ts), kept current as files are saved or opened. */
import { useEffect, useState } from 'react';
import { recentProjects } from './projectFiles';

export function useRecentProjects(workspace: string | null): string[] {
  const [list, setList] = useState(() => recentProjects(workspace));
  useEffect(() => {
    const update = () => setList(recentProjects(workspace));
    update();
    window.addEventListener('layerlab-recent', update);
    return () => window.removeEventListener('layerlab-recent', update);
  }, [workspace]);
  return list;
}

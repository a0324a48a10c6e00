/** Writing an exported file where the user chooses, through the app's file access. */
import type { FileFilter } from '../../../electron/contract';
import type { RendererPlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useUiStore } from '../../store/ui';
import { useProjectStore } from '../../store/project';

const FILTERS: Record<'svg' | 'png' | 'csv', FileFilter> = {
  svg: { name: 'SVG image', extensions: ['svg'] },
  png: { name: 'PNG image', extensions: ['png'] },
  csv: { name: 'CSV table', extensions: ['csv'] },
};

/** "project-run3-loss": the document's name first, then what the file holds; safe characters. */
export function fileStem(...parts: (string | null | undefined)[]): string {
  const project = useProjectStore.getState().name;
  return [project, ...parts]
    .filter((p): p is string => !!p)
    .map((p) =>
      p
        .replace(/\.layerlab$/i, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
}

/**
 * Asks where to save `stem.kind`, then writes `content()` (text, or base64 bytes for PNG). Says
 * where it went, or why not, in the notices; returns the path written (null when cancelled).
 */
export async function saveExport(
  platform: RendererPlatform,
  kind: keyof typeof FILTERS,
  stem: string,
  content: () => Promise<string> | string,
): Promise<string | null> {
  const ui = useUiStore.getState();
  try {
    const target = await platform.pickSavePath({
      title: `Export as ${kind.toUpperCase()}`,
      filters: [FILTERS[kind]],
      defaultName: `${stem}.${kind}`,
    });
    if (!target) return null;
    const path = target.toLowerCase().endsWith(`.${kind}`) ? target : `${target}.${kind}`;
    const data = await content();
    const res =
      kind === 'png'
        ? await platform.api.invoke('files:writeBytes', { path, base64: data })
        : await platform.api.invoke('files:writeText', { path, text: data });
    ui.notify(`Exported ${res.path}.`);
    return res.path;
  } catch (err) {
    ui.notify(`Could not export the ${kind.toUpperCase()}: ${describeError(err)}`, 'error');
    return null;
  }
}

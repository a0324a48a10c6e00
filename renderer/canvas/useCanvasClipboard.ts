/**
 * Copy, cut and paste of nodes. The system clipboard is used through the DOM copy/cut/paste
 * events (Edit menu and native shortcuts, also between two Layerlab windows); where a browser
 * does not raise those events for a shortcut, the keydown fallback uses an in-app clipboard.
 * Duplicate (Mod+D) is a command of the command table, like every other shortcut.
 */
import { useEffect } from 'react';
import { useGraphStore } from '../store/graph';
import { copySelection, readClip, type Clip } from './clipboard';
import { isTextField } from '../src/dom';

let inApp: string | null = null;
let pasteCount = 0;

function copyNow(): string | null {
  const { graph, selected } = useGraphStore.getState();
  const text = copySelection(graph, selected);
  if (text) {
    inApp = text;
    pasteCount = 0;
  }
  return text;
}

function pasteClip(clip: Clip): void {
  // Each paste of the same clip lands a little further down-right, so copies do not stack.
  pasteCount += 1;
  useGraphStore.getState().paste(clip, { x: 40 * pasteCount, y: 40 * pasteCount });
}

/** Whether there is something to paste from the in-app clipboard. */
export const hasCopiedNodes = (): boolean => inApp !== null;

/**
 * Copy, cut and paste run as commands (menu bar, command palette): through the in-app
 * clipboard, since a page may not read the system clipboard without a paste event; a copy is
 * still offered to the system clipboard, for other windows.
 */
export function copyNodes(cut = false): void {
  const text = copyNow();
  if (!text) return;
  void navigator.clipboard?.writeText(text).catch(() => undefined);
  if (cut) useGraphStore.getState().removeSelected();
}

export function pasteNodes(): void {
  const clip = inApp ? readClip(inApp) : null;
  if (clip) pasteClip(clip);
}

export function useCanvasClipboard(): void {
  useEffect(() => {
    let pendingPaste: ReturnType<typeof setTimeout> | null = null;
    const onCopy = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const text = copyNow();
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut') useGraphStore.getState().removeSelected();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      if (pendingPaste) clearTimeout(pendingPaste);
      pendingPaste = null;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const clip = readClip(text) ?? (inApp ? readClip(inApp) : null);
      if (!clip) return;
      e.preventDefault();
      if (text && text !== inApp) {
        inApp = text;
        pasteCount = 0;
      }
      pasteClip(clip);
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTextField(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'c' || key === 'x') {
        copyNow();
        // The copy/cut event follows if the browser raises one; otherwise act here.
        if (key === 'x') setTimeout(() => inApp && useGraphStore.getState().removeSelected(), 0);
      } else if (key === 'v') {
        pendingPaste = setTimeout(() => {
          pendingPaste = null;
          const clip = inApp ? readClip(inApp) : null;
          if (clip) pasteClip(clip);
        }, 0);
      }
    };
    window.addEventListener('copy', onCopy);
    window.addEventListener('cut', onCopy);
    window.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('copy', onCopy);
      window.removeEventListener('cut', onCopy);
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/**
 * What the backend needs from its host, passed in (DEVELOPERS.md rule 4): Electron's main
 * process supplies native dialogs; the browser-mode host supplies a workspace folder instead.
 * Nothing in electron/backend imports Electron, so every service runs in plain Node.
 */
import type { FileFilter } from '../contract';

export interface DialogOptions {
  title?: string;
  filters: FileFilter[];
  defaultName?: string;
}

export interface Platform {
  mode: 'desktop' | 'browser';
  version: string;
  /** process.platform of the machine running the backend. */
  os: string;
  /** Browser mode: every path is confined to this folder (absolute). Desktop: null. */
  workspace: string | null;
  /** Desktop only: native dialogs. Resolve to null when the user cancels. */
  showOpenDialog?(options: DialogOptions): Promise<string | null>;
  showSaveDialog?(options: DialogOptions): Promise<string | null>;
  /** Where autosaves live (created when needed); default: a folder in the system's temp dir. */
  recoveryDir?: string;
  /** Opens an https URL outside the app. Returns false where the host cannot (browser mode). */
  openExternal?(url: string): Promise<boolean>;
}

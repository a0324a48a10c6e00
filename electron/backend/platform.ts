/**
 * What the backend needs from its host, passed in: Electron's main
 * process supplies native dialogs; the browser-mode host supplies a workspace folder instead.
 * Nothing in electron/backend imports Electron, so every service runs in plain Node.
 */
import type { FileFilter } from '../contract';
import type { LinkedDatasetRequest } from './projects/sources';

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
  /** Desktop: folders of recent projects (where a crashed save may have left a temporary file). */
  projectFolders?(): string[];
  /**
   * Desktop: asks the user before a path named inside a project (a linked dataset) is read;
   * resolves true to grant that one file.
   */
  confirmLinkedDataset?(request: LinkedDatasetRequest): Promise<boolean>;
  /** Opens an https URL outside the app. Returns false where the host cannot (browser mode). */
  openExternal?(url: string): Promise<boolean>;
}

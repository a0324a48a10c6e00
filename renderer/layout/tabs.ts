/** The dock's tabs, in order: the dock shows them, and so does its strip when it is hidden. */
import type { BottomTab } from '../store/ui';

export const DOCK_TABS: readonly { id: BottomTab; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'summary', label: 'Summary' },
  { id: 'training', label: 'Training' },
  { id: 'boundary', label: 'Boundary' },
  { id: 'diagnostics', label: 'Diagnostics' },
  { id: 'problems', label: 'Problems' },
];

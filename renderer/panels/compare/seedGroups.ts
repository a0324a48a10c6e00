/**
 * Runs retrained with several seeds ("Train with 5 seeds" beside a run's evaluation), kept in
 * the document (saved with the project) so Compare can test them against the seed noise.
 * Newest first, one per run.
 */
import { create } from 'zustand';
import type { ResponseOf } from '../../../electron/contract';

export type SeedGroup = Pick<
  ResponseOf<'training:seeds'>,
  'seeds' | 'trainLoss' | 'valLoss' | 'penalty'
> & {
  /** The run whose settings, data and network the seeds retrained. */
  runId: string;
};

interface SeedGroups {
  groups: SeedGroup[];
  add(group: SeedGroup): void;
  /** The groups of an opened project, in place of these. */
  load(groups: SeedGroup[]): void;
}

export const useSeedGroups = create<SeedGroups>()((set, get) => ({
  groups: [],
  add: (group) => {
    // Only what the project keeps (the response's summary is not saved).
    const { runId, seeds, trainLoss, valLoss, penalty } = group;
    const kept: SeedGroup = { runId, seeds, trainLoss, valLoss, ...(penalty ? { penalty } : {}) };
    set({ groups: [kept, ...get().groups.filter((g) => g.runId !== runId)].slice(0, 20) });
  },
  load: (groups) => set({ groups }),
}));

/**
 * Runs retrained with several seeds ("Train with 5 seeds" beside a run's evaluation), kept for
 * this session so Compare can test them against the seed noise. Newest first, one per run.
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
}

export const useSeedGroups = create<SeedGroups>()((set, get) => ({
  groups: [],
  add: (group) =>
    set({ groups: [group, ...get().groups.filter((g) => g.runId !== group.runId)].slice(0, 20) }),
}));

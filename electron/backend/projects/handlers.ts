/**
 * projects:* handlers keyed by channel name (backend.ts spreads them into its handler table, as it
 * does with fileHandlers). Requests arrive already parsed with the channel's schema.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { projectChannels } from '../../contract/projects';
import type { FileAccess } from '../files/access';
import { ProjectService } from './service';
import type { ProjectPlatform, ProjectServiceOptions, ProjectSources } from './sources';

type PC = typeof projectChannels;
type Req<C extends keyof PC> = z.output<PC[C]['request']>;
type Res<C extends keyof PC> = z.output<PC[C]['response']>;
export type ProjectHandlers = { [C in keyof PC]: (request: Req<C>) => Promise<Res<C>> };

export function projectHandlers(
  access: FileAccess,
  platform: ProjectPlatform,
  sources: ProjectSources,
  options: ProjectServiceOptions = {},
): ProjectHandlers {
  const service = new ProjectService(access, platform, sources, options);
  return {
    'projects:open': (req) => service.open(req.path),
    'projects:openText': (req) => service.openText(path.basename(req.name), req.text),
    'projects:save': (req) => service.save(req.path, req.draft, req.recoveryKey),
    'projects:share': (req) => service.share(req.path, req.draft),
    'projects:autosave': (req) => service.autosave(req),
    async 'projects:recoverable'() {
      return { items: await service.recoverable() };
    },
    'projects:recover': (req) => service.recover(req.key),
    async 'projects:discardRecovery'(req) {
      return { discarded: await service.discardRecovery(req.key) };
    },
    'projects:locateDataset': (req) =>
      service.locateDataset(req.path, req.link, req.force ?? false),
  };
}

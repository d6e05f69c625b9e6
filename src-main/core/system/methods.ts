import { about, none, runningTasks } from '../../contract';
import { method, read } from '../method';
import * as system from './service';

export const systemMethods = {
  'system.about': method({
    input: none,
    output: about,
    permission: read,
    handler: (ctx) => system.about(ctx),
  }),
  /** The caller's long calls still running, with the step each has reached. */
  'system.progress': method({
    input: none,
    output: runningTasks,
    permission: read,
    handler: (ctx) => system.progress(ctx),
  }),
};

import { demoLoaded, demoRemoved, demoStatus, none } from '../../contract';
import { admin, method, read } from '../method';
import * as demo from './service';

export const demoMethods = {
  'demo.status': method({
    input: none,
    output: demoStatus,
    permission: read,
    handler: (ctx) => demo.demoStatus(ctx),
  }),
  'demo.load': method({
    input: none,
    output: demoLoaded,
    permission: admin,
    handler: (ctx) => demo.loadDemo(ctx),
  }),
  'demo.remove': method({
    input: none,
    output: demoRemoved,
    permission: admin,
    handler: (ctx) => demo.removeDemo(ctx),
  }),
  /** « Commencer avec une base vide » : remembered so that the offer is not made again. */
  'demo.decline': method({
    input: none,
    output: demoStatus,
    permission: admin,
    handler: (ctx) => demo.declineDemo(ctx),
  }),
};

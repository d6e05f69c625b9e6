import {
  byId,
  cancelFollowUpInput,
  followUp,
  followUpPage,
  followUpSettings,
  listFollowUpsInput,
  none,
  recordFollowUpInput,
  rescheduleFollowUpInput,
} from '../../contract';
import { admin, method, read, trainer } from '../method';
import * as followUps from './service';

/** Post-training follow-ups: trainers write those of the pathways assigned to them. */
export const followUpsMethods = {
  'followUps.settings': method({
    input: none,
    output: followUpSettings,
    permission: read,
    handler: (ctx) => followUps.getSettings(ctx),
  }),
  'followUps.updateSettings': method({
    input: followUpSettings,
    output: followUpSettings,
    permission: admin,
    handler: followUps.updateSettings,
  }),
  'followUps.list': method({
    input: listFollowUpsInput,
    output: followUpPage,
    permission: read,
    handler: followUps.listFollowUps,
  }),
  'followUps.get': method({
    input: byId,
    output: followUp,
    permission: read,
    handler: (ctx, { id }) => followUps.getFollowUp(ctx, id),
  }),
  'followUps.record': method({
    input: recordFollowUpInput,
    output: followUp,
    permission: trainer('followUp'),
    handler: followUps.recordFollowUp,
  }),
  'followUps.reschedule': method({
    input: rescheduleFollowUpInput,
    output: followUp,
    permission: trainer('followUp'),
    handler: followUps.rescheduleFollowUp,
  }),
  'followUps.cancel': method({
    input: cancelFollowUpInput,
    output: followUp,
    permission: trainer('followUp'),
    handler: followUps.cancelFollowUp,
  }),
};

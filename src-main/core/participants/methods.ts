import { z } from 'zod';
import {
  byId,
  createParticipantInput,
  id,
  listParticipantsInput,
  participant,
  participantFields,
  participantPage,
  updateParticipantInput,
} from '../../contract';
import { admin, method, read } from '../method';
import * as participants from './service';

export const participantsMethods = {
  'participants.list': method({
    input: listParticipantsInput,
    output: participantPage,
    permission: read,
    handler: participants.listParticipants,
  }),
  'participants.get': method({
    input: byId,
    output: participant,
    permission: read,
    handler: (ctx, { id }) => participants.getParticipant(ctx, id),
  }),
  'participants.create': method({
    input: createParticipantInput,
    output: participant,
    // Trainers register the people who come to a session without being recorded yet.
    permission: { kind: 'write', who: ['admin', 'trainer'] },
    handler: participants.createParticipant,
  }),
  'participants.update': method({
    input: updateParticipantInput,
    output: participant,
    permission: admin,
    handler: participants.updateParticipant,
  }),
  'participants.checkDuplicates': method({
    input: z.strictObject({ fields: participantFields, exceptId: id.optional() }),
    output: z.array(participant),
    permission: read,
    handler: (ctx, { fields, exceptId }) => participants.likelyDuplicates(ctx, fields, exceptId),
  }),
};

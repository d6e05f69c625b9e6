import {
  addParticipantsInput,
  byId,
  listSessionsInput,
  recordAttendanceInput,
  recordEvaluationsInput,
  removeParticipantInput,
  session,
  sessionFields,
  sessionPage,
  updateSessionInput,
} from '../../contract';
import { method, read, trainer } from '../method';
import * as sessions from './service';

/** Training-action sessions: trainers write those of the pathways assigned to them. */
export const sessionsMethods = {
  'sessions.list': method({
    input: listSessionsInput,
    output: sessionPage,
    permission: read,
    handler: sessions.listSessions,
  }),
  'sessions.get': method({
    input: byId,
    output: session,
    permission: read,
    handler: (ctx, { id }) => sessions.getSession(ctx, id),
  }),
  'sessions.create': method({
    input: sessionFields,
    output: session,
    permission: trainer('newSession'),
    handler: sessions.createSession,
  }),
  'sessions.update': method({
    input: updateSessionInput,
    output: session,
    permission: trainer('session'),
    handler: sessions.updateSession,
  }),
  'sessions.addParticipants': method({
    input: addParticipantsInput,
    output: session,
    permission: trainer('session'),
    handler: sessions.addSessionParticipants,
  }),
  'sessions.removeParticipant': method({
    input: removeParticipantInput,
    output: session,
    permission: trainer('session'),
    handler: sessions.removeSessionParticipant,
  }),
  'sessions.recordAttendance': method({
    input: recordAttendanceInput,
    output: session,
    permission: trainer('session'),
    handler: sessions.recordAttendance,
  }),
  'sessions.recordEvaluations': method({
    input: recordEvaluationsInput,
    output: session,
    permission: trainer('session'),
    handler: sessions.recordEvaluations,
  }),
};

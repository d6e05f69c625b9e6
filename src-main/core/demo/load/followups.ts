// The post-training follow-ups: most of those due are done, some are late.
import { eq } from 'drizzle-orm';
import { cancelFollowUpInput, recordFollowUpInput, rescheduleFollowUpInput } from '../../../contract';
import type { Context } from '../../context';
import { followUps, sessions as sessionsTable } from '../../db/schema';
import * as followUpService from '../../followups/service';
import { CHANGES, EVIDENCE, OBSTACLES, SUPPORT, TRAINERS } from '../content';
import { addDays, earlier, parse, textDocument, workday, type Demo } from './context';

export function loadFollowUps({ ctx, random, today, day, at, moduleOfSession }: Demo) {
  const scheduled = ctx.db
    .select({ id: followUps.id, dueOn: followUps.dueOn, sessionId: followUps.sessionId })
    .from(followUps)
    .where(eq(followUps.status, 'scheduled'))
    .orderBy(followUps.dueOn, followUps.id)
    .all();
  let coaching = 0;
  let attachments = 0;
  let rescheduled = 0;
  for (const f of scheduled) {
    if (f.dueOn > day(-4)) {
      // Late ones a trainer has not reached yet; one of them is moved to a later date.
      if (f.dueOn < today && rescheduled === 0 && random.chance(0.3)) {
        rescheduled += 1;
        followUpService.rescheduleFollowUp(
          at(day(-1)),
          parse(rescheduleFollowUpInput, {
            id: f.id,
            dueOn: workday(day(12)),
            trainerName: TRAINERS.nationalExpert.name,
            reason: 'Participant en mission jusqu’à la fin du mois.',
          }),
        );
      }
      continue;
    }
    const fate = random.weighted([
      ['done', 94],
      ['cancelled', 3],
      ['late', 3],
    ] as const);
    if (fate === 'late') continue;
    const doneOn = earlier(workday(addDays(f.dueOn, random.int(0, 12))), day(-1));
    if (fate === 'cancelled') {
      followUpService.cancelFollowUp(
        at(doneOn),
        parse(cancelFollowUpInput, { id: f.id, reason: 'La personne a quitté la structure (mutation).' }),
      );
      continue;
    }
    const module = (f.sessionId && moduleOfSession.get(f.sessionId)) || 'planning';
    const skills = random.weighted([
      ['fully', 40],
      ['partly', 42],
      ['not', 18],
    ] as const);
    const support = skills !== 'fully' && random.chance(0.3) ? random.pick(SUPPORT) : null;
    const withCoaching =
      support !== null && coaching < 3 && f.sessionId !== null && hasPathway(ctx, f.sessionId);
    if (withCoaching) coaching += 1;
    const withAttachment = skills === 'fully' && attachments < 2;
    if (withAttachment) attachments += 1;
    followUpService.recordFollowUp(
      at(doneOn),
      parse(recordFollowUpInput, {
        id: f.id,
        doneOn,
        method: random.weighted([
          ['visit', 5],
          ['phone', 3],
          ['workshop', 2],
        ] as const),
        skillsApplied: skills,
        evidence: skills === 'not' ? null : random.pick(EVIDENCE[module]),
        obstacles: skills === 'fully' && random.chance(0.6) ? null : random.pick(OBSTACLES),
        supportNeeded: support,
        changeObserved: skills === 'fully' && random.chance(0.7) ? random.pick(CHANGES) : null,
        createCoachingAction: withCoaching,
        attachments: withAttachment
          ? [
              textDocument(
                'Compte rendu de mise en pratique.txt',
                `Compte rendu de la visite de suivi du ${doneOn.split('-').reverse().join('/')}.\n\nDocument produit : ${random.pick(EVIDENCE[module])}.\n`,
              ),
            ]
          : [],
      }),
    );
  }
}

/** Whether a session belongs to a pathway (a coaching action can then be added to it). */
function hasPathway(ctx: Context, sessionId: string): boolean {
  const row = ctx.db
    .select({ action: sessionsTable.pathwayActionId })
    .from(sessionsTable)
    .where(eq(sessionsTable.id, sessionId))
    .get();
  return Boolean(row?.action);
}


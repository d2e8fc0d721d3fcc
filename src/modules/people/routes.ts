import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { AppError, validationFailed } from '../../server/errors.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { checkNewPerson, checkPersonUpdate } from './checkPersonDetails.ts';
import { createPerson } from './createPerson.ts';
import { deletePerson } from './deletePerson.ts';
import { peopleFilterSchema } from './filters.ts';
import { createPersonBody, updatePersonBody } from './inputs.ts';
import { assertMayAnywhere, loadPersonFor, loadUnitFor, lockPersonFor } from './policy.ts';
import { presentPeople, presentPerson } from './present.ts';
import { countPeople, listPeople, peopleSorts } from './queries.ts';
import { planContacts, replaceContacts } from './replaceContacts.ts';
import { setPersonTags } from './setPersonTags.ts';
import { updatePerson } from './updatePerson.ts';
import { personDetailView, personSummaryView } from './views.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const listQuery = z.strictObject({ ...peopleFilterSchema.shape, sort: z.enum(peopleSorts).default('name'), ...pageQuery });

/** Runs a check that may refuse with field errors, adding those an earlier check found. */
async function withFieldErrors<T>(earlier: FieldError[], check: () => Promise<T>): Promise<T> {
  let value: T;
  try {
    value = await check();
  } catch (err) {
    if (earlier.length > 0 && err instanceof AppError && err.code === 'validation_failed' && Array.isArray(err.details)) throw validationFailed(err.message, [...earlier, ...err.details]);
    throw err;
  }
  if (earlier.length > 0) throw validationFailed('Some details are not valid.', earlier);
  return value;
}

/** People: list, count, read, create, update and delete, each within the caller's units. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const searchLimit = perMinute(app.ctx, 300);

  app.get('/people', {
    config: { rateLimit: searchLimit },
    schema: { tags: ['people'], summary: 'People I can see, filtered, sorted and paginated', querystring: listQuery, response: { 200: pageResponse(personSummaryView) } },
  }, async (req) => {
    const { sort, limit, cursor, ...filter } = req.query;
    const page = await listPeople(db, actorOf(req), filter, sort, limit, cursor);
    return { items: await presentPeople(db, page.items), nextCursor: page.nextCursor };
  });

  app.get('/people/count', {
    config: { rateLimit: searchLimit },
    schema: { tags: ['people'], summary: 'How many people I can see match a filter', querystring: peopleFilterSchema, response: { 200: z.object({ count: z.number().int() }) } },
  }, async (req) => ({ count: await countPeople(db, actorOf(req), req.query) }));

  app.get('/people/:id', {
    schema: { tags: ['people'], summary: 'One person in full', params: idParams, response: { 200: personDetailView } },
  }, async (req) => {
    const { person } = await loadPersonFor(db, actorOf(req), req.params.id, 'read');
    return presentPerson(db, person);
  });

  app.post('/people', {
    schema: { tags: ['people'], summary: 'Add a person (idempotent with a client id or Idempotency-Key)', body: createPersonBody, response: { 200: personDetailView, 201: personDetailView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    assertMayAnywhere(actor, 'create');
    const unit = await loadUnitFor(db, actor, req.body.unitId, 'create');
    const checked = await checkNewPerson(db, unit.orgId, req.body);
    const { person, created } = await createPerson(db, { input: req.body, checked, unit, actorAccountId: actor.accountId, requestId: req.id });
    return reply.code(created ? 201 : 200).send(await presentPerson(db, person));
  });

  app.patch('/people/:id', {
    schema: { tags: ['people'], summary: 'Change some of a person’s details, contacts and tags in one go, or move them to another unit', params: idParams, body: updatePersonBody, response: { 200: personDetailView } },
  }, async (req) => {
    const actor = actorOf(req);
    const after = await db.transaction(async (tx) => {
      const { person } = await lockPersonFor(tx, actor, req.params.id, 'update');
      if (req.body.unitId && req.body.unitId !== person.unitId) {
        const target = await loadUnitFor(tx, actor, req.body.unitId, 'update');
        if (target.orgId !== person.orgId) throw validationFailed('Unknown unit.', [{ path: 'unitId', message: 'A person can only move to a unit of their own organisation.' }]);
      }
      const { contacts, tags, ...details } = req.body;
      // Every part is checked before anything is written, and the errors of all parts come back together.
      const planned = contacts ? await planContacts(tx, person, contacts) : null;
      const changes = await withFieldErrors(planned?.errors ?? [], () => checkPersonUpdate(tx, person, details));
      const info = { actorAccountId: actor.accountId, requestId: req.id };
      const after = await updatePerson(tx, person, changes, info);
      if (planned) await replaceContacts(tx, after, planned.plan, info);
      if (tags) await setPersonTags(tx, after, tags, info);
      return after;
    });
    return presentPerson(db, after);
  });

  app.delete('/people/:id', {
    schema: { tags: ['people'], summary: 'Delete a person (they disappear from every list)', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => {
      const { person } = await lockPersonFor(tx, actor, req.params.id, 'delete');
      await deletePerson(tx, person, { actorAccountId: actor.accountId, requestId: req.id });
    });
    return reply.code(204).send(null);
  });
};

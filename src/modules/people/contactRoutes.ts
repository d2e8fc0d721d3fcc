import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { addContact, removeContact, updateContact } from './contactCommands.ts';
import { contactInput, contactPatch } from './inputs.ts';
import { lockPersonFor } from './policy.ts';
import { contactView } from './views.ts';

const personParams = z.strictObject({ id: z.string().uuid() });
const contactParams = z.strictObject({ id: z.string().uuid(), contactId: z.string().uuid() });
const view = (c: z.infer<typeof contactView>) => ({ id: c.id, kind: c.kind, value: c.value, label: c.label, isPrimary: c.isPrimary, status: c.status });

/** A person's emails and phone numbers, each with its own label, status and primary flag. */
export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post('/people/:id/contacts', {
    schema: { tags: ['people'], summary: 'Add an email or phone number to a person', params: personParams, body: contactInput, response: { 201: contactView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const contact = await db.transaction(async (tx) => {
      const { person } = await lockPersonFor(tx, actor, req.params.id, 'update');
      return addContact(tx, person, req.body, { actorAccountId: actor.accountId, requestId: req.id });
    });
    return reply.code(201).send(view(contact));
  });

  app.patch('/people/:id/contacts/:contactId', {
    schema: { tags: ['people'], summary: 'Change a contact’s label or status, or make it primary', params: contactParams, body: contactPatch, response: { 200: contactView } },
  }, async (req) => {
    const actor = actorOf(req);
    const contact = await db.transaction(async (tx) => {
      const { person } = await lockPersonFor(tx, actor, req.params.id, 'update');
      return updateContact(tx, person, req.params.contactId, req.body, { actorAccountId: actor.accountId, requestId: req.id });
    });
    return view(contact);
  });

  app.delete('/people/:id/contacts/:contactId', {
    schema: { tags: ['people'], summary: 'Remove a contact from a person', params: contactParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => {
      const { person } = await lockPersonFor(tx, actor, req.params.id, 'update');
      await removeContact(tx, person, req.params.contactId, { actorAccountId: actor.accountId, requestId: req.id });
    });
    return reply.code(204).send(null);
  });
};

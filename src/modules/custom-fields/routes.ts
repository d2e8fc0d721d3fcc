import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { resolveOrg } from '../people/orgScope.ts';
import { customFieldTypes } from '../people/schema.ts';
import { createField, deleteField, updateField } from './fieldCommands.ts';
import { createFieldBody, updateFieldBody } from './inputs.ts';
import { assertMayManageFields, FIELD_READERS, loadFieldToManage } from './policy.ts';
import { loadFieldDefinitions } from './queries.ts';

const fieldView = z.object({
  id: z.string().uuid(),
  key: z.string(),
  label: z.string(),
  type: z.enum(customFieldTypes),
  choices: z.array(z.string()),
  required: z.boolean(),
});
type FieldRow = Awaited<ReturnType<typeof loadFieldDefinitions>>[number];
const view = (f: FieldRow) => ({ id: f.id, key: f.key, label: f.label, type: f.type, choices: f.choices, required: f.required });
const idParams = z.strictObject({ id: z.string().uuid() });

/** Organisation-defined fields on people: readable by anyone who reads people, changed with `fields.manage`. */
export const customFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/custom-fields', {
    schema: {
      tags: ['custom fields'], summary: 'My organisation’s custom fields (at most 200, so never paginated)',
      querystring: z.strictObject({ orgId: z.string().uuid().optional() }), response: { 200: z.object({ items: z.array(fieldView) }) },
    },
  }, async (req) => {
    const org = resolveOrg(actorOf(req), FIELD_READERS, req.query.orgId);
    return { items: (await loadFieldDefinitions(db, org)).map(view) };
  });

  app.post('/custom-fields', {
    schema: { tags: ['custom fields'], summary: 'Define a custom field', body: createFieldBody, response: { 201: fieldView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const org = resolveOrg(actor, ['fields.manage'], req.body.orgId);
    assertMayManageFields(actor, org);
    const field = await db.transaction((tx) => createField(tx, org, req.body, { actorAccountId: actor.accountId, requestId: req.id }));
    return reply.code(201).send(view(field));
  });

  app.patch('/custom-fields/:id', {
    schema: { tags: ['custom fields'], summary: 'Change a field’s label, choices or whether it is required', params: idParams, body: updateFieldBody, response: { 200: fieldView } },
  }, async (req) => {
    const actor = actorOf(req);
    const field = await db.transaction(async (tx) => updateField(tx, await loadFieldToManage(tx, actor, req.params.id), req.body, { actorAccountId: actor.accountId, requestId: req.id }));
    return view(field);
  });

  app.delete('/custom-fields/:id', {
    schema: { tags: ['custom fields'], summary: 'Delete a field and its values on every person', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => deleteField(tx, await loadFieldToManage(tx, actor, req.params.id), { actorAccountId: actor.accountId, requestId: req.id }));
    return reply.code(204).send(null);
  });
};

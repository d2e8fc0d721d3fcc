import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import type { Actor } from '../accounts/actor.ts';
import { orgsWith } from '../people/orgScope.ts';
import { createCategory, deleteCategory, updateCategory } from './categoryCommands.ts';
import { approveIssue, proposeIssue, rejectIssue, updateIssue } from './issueCommands.ts';
import { managedOrg, managesIssues, proposalOrg, taxonomyOrg, taxonomyReaders } from './policy.ts';
import { presentCategory, presentIssue } from './present.ts';
import { findCategory, findIssue, loadTaxonomy } from './queries.ts';
import { issueStatuses } from './schema.ts';
import { issueCategoryView, issueView, taxonomyView } from './views.ts';

const orgId = z.string().uuid().optional().describe('needed only when you work in more than one organisation');
const idParams = z.strictObject({ id: z.string().uuid() });
const label = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000).nullable().optional();
const categoryId = z.string().uuid().nullable().optional();

/** An issue the actor may decide on: 404 outside their organisations, 403 for those who only propose. */
async function issueToManage(db: Db, actor: Actor, id: string) {
  const issue = await findIssue(db, id, orgsWith(actor, taxonomyReaders));
  if (!issue) throw notFound('Issue');
  if (!managesIssues(actor, issue.orgId)) throw forbidden();
  return issue;
}

async function categoryToManage(db: Db, actor: Actor, id: string) {
  const cat = await findCategory(db, id, orgsWith(actor, taxonomyReaders));
  if (!cat) throw notFound('Category');
  if (!managesIssues(actor, cat.orgId)) throw forbidden();
  return cat;
}

/** The issue taxonomy: anyone who logs conversations reads it and proposes issues; organisers decide and keep categories. */
export const issueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/issues', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['issues'], summary: 'My organisation’s issue taxonomy: categories and the issues I may see',
      querystring: z.strictObject({ orgId, status: z.union([z.enum(issueStatuses), z.array(z.enum(issueStatuses)).max(3)]).optional() }),
      response: { 200: taxonomyView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const org = taxonomyOrg(actor, req.query.orgId);
    const statuses = req.query.status === undefined ? undefined : [req.query.status].flat();
    const t = await loadTaxonomy(db, actor, org, statuses);
    return { orgId: org, categories: t.categories.map(presentCategory), issues: t.issues.map((i) => presentIssue(i, actor.accountId)) };
  });

  app.post('/issues', {
    schema: {
      tags: ['issues'], summary: 'Propose an issue (organisers add it approved); the same words as an existing issue return that issue',
      body: z.strictObject({ orgId, label, description, categoryId }), response: { 200: issueView, 201: issueView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const org = proposalOrg(actor, req.body.orgId);
    const { issue, created } = await proposeIssue(db, { ...req.body, orgId: org, approve: managesIssues(actor, org) }, { accountId: actor.accountId, requestId: req.id });
    return reply.code(created ? 201 : 200).send(presentIssue(issue, actor.accountId));
  });

  app.patch('/issues/:id', {
    schema: { tags: ['issues'], summary: 'Change an issue’s label, description or category (organisers)', params: idParams, body: z.strictObject({ label: label.optional(), description, categoryId }), response: { 200: issueView } },
  }, async (req) => {
    const actor = actorOf(req);
    const issue = await db.transaction(async (tx) => updateIssue(tx, await issueToManage(tx, actor, req.params.id), req.body, { accountId: actor.accountId, requestId: req.id }));
    return presentIssue(issue, actor.accountId);
  });

  app.post('/issues/:id/approve', {
    schema: { tags: ['issues'], summary: 'Approve a proposed issue, optionally filing it under a category (organisers)', params: idParams, body: z.strictObject({ categoryId }).nullish(), response: { 200: issueView } },
  }, async (req) => {
    const actor = actorOf(req);
    const issue = await db.transaction(async (tx) => approveIssue(tx, await issueToManage(tx, actor, req.params.id), req.body ?? {}, { accountId: actor.accountId, requestId: req.id }));
    return presentIssue(issue, actor.accountId);
  });

  app.post('/issues/:id/reject', {
    schema: {
      tags: ['issues'], summary: 'Reject an issue; with mergeIntoId it is a duplicate and every time it was raised moves to that issue (organisers)',
      params: idParams, body: z.strictObject({ mergeIntoId: z.string().uuid().nullable().optional() }).nullish(), response: { 200: issueView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const issue = await db.transaction(async (tx) => rejectIssue(tx, await issueToManage(tx, actor, req.params.id), req.body ?? {}, { accountId: actor.accountId, requestId: req.id }));
    return presentIssue(issue, actor.accountId);
  });

  app.post('/issues/categories', {
    schema: { tags: ['issues'], summary: 'Add an issue category (organisers)', body: z.strictObject({ orgId, label, sortOrder: z.number().int().min(0).max(10000).optional() }), response: { 201: issueCategoryView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const org = managedOrg(actor, req.body.orgId);
    const cat = await createCategory(db, { ...req.body, orgId: org }, { accountId: actor.accountId, requestId: req.id });
    return reply.code(201).send(presentCategory(cat));
  });

  app.patch('/issues/categories/:id', {
    schema: {
      tags: ['issues'], summary: 'Rename, reorder, archive or restore an issue category (organisers)', params: idParams,
      body: z.strictObject({ label: label.optional(), sortOrder: z.number().int().min(0).max(10000).optional(), archived: z.boolean().optional() }), response: { 200: issueCategoryView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const cat = await db.transaction(async (tx) => updateCategory(tx, await categoryToManage(tx, actor, req.params.id), req.body, { accountId: actor.accountId, requestId: req.id }));
    return presentCategory(cat);
  });

  app.delete('/issues/categories/:id', {
    schema: { tags: ['issues'], summary: 'Delete an unused issue category (organisers); one in use is a 409', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => deleteCategory(tx, await categoryToManage(tx, actor, req.params.id), { accountId: actor.accountId, requestId: req.id }));
    return reply.code(204).send(null);
  });
};

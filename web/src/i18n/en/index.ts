import { common } from './common.ts';

/** English strings every page needs (frame, navigation, sign-in, shared components): part of the entry bundle. */
export const shell = common;

/**
 * English strings by domain. Every user-facing string in the web client comes from these files
 * through `t()`; each domain keeps its strings in its own file under its own top-level key, and a
 * Welsh catalogue with the same keys goes beside this one. A domain's file is fetched with the first
 * page that uses it (see `sessionRoute`), so a new domain is one line here.
 */
export const domains = {
  home: () => import('./home.ts').then((m) => m.home),
  units: () => import('./units.ts').then((m) => m.units),
  account: () => import('./account.ts').then((m) => m.account),
  people: () => import('./people.ts').then((m) => m.people),
  peopleTools: () => import('./peopleTools.ts').then((m) => m.peopleTools),
  elections: () => import('./elections.ts').then((m) => m.elections),
  admin: () => import('./admin.ts').then((m) => m.admin),
  audit: () => import('./audit.ts').then((m) => m.audit),
  conversations: () => import('./conversations.ts').then((m) => m.conversations),
  organising: () => import('./organising.ts').then((m) => m.organising),
  events: () => import('./events.ts').then((m) => m.events),
  polls: () => import('./polls.ts').then((m) => m.polls),
  accounts: () => import('./accounts.ts').then((m) => m.accounts),
  campaigns: () => import('./campaigns.ts').then((m) => m.campaigns),
  breakouts: () => import('./breakouts.ts').then((m) => m.breakouts),
  closeReport: () => import('./closeReport.ts').then((m) => m.closeReport),
};

export type StringDomain = keyof typeof domains;

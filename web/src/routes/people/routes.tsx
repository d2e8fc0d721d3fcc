import type { RouteObject } from 'react-router';
import { lazyRoute } from '../../components/sessionRoute.tsx';

/** The people pages, each loaded on first visit with its strings; router.tsx mounts them behind sign-in. */
export const peopleRoutes: RouteObject[] = [
  lazyRoute('/people', () => import('./list/PeopleList.tsx').then((m) => m.PeopleList)),
  lazyRoute('/people/import', () => import('./import/ImportWizard.tsx').then((m) => m.ImportWizard), ['people', 'peopleTools']),
  lazyRoute('/people/duplicates', () => import('./duplicates/Duplicates.tsx').then((m) => m.Duplicates), ['people', 'peopleTools']),
  lazyRoute('/people/duplicates/merge', () => import('./duplicates/MergePeople.tsx').then((m) => m.MergePeople), ['people', 'peopleTools']),
  lazyRoute('/people/tags', () => import('./manage/TagsManage.tsx').then((m) => m.TagsManage), ['people', 'peopleTools']),
  lazyRoute('/people/fields', () => import('./manage/FieldsManage.tsx').then((m) => m.FieldsManage), ['people', 'peopleTools']),
  lazyRoute('/people/new', () => import('./form/PersonNew.tsx').then((m) => m.PersonNew)),
  lazyRoute('/people/:id', () => import('./person/PersonPage.tsx').then((m) => m.PersonPage), ['people', 'conversations', 'organising', 'events']),
  lazyRoute('/people/:id/edit', () => import('./form/PersonEdit.tsx').then((m) => m.PersonEdit)),
];

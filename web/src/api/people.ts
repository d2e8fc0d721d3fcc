import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

// Shapes mirror src/modules/people/views.ts, tags/routes.ts and custom-fields/routes.ts.

export const membershipStatuses = ['none', 'supporter', 'member', 'lapsed', 'resigned'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
export const contactLabels = ['home', 'work', 'mobile', 'other'] as const;
export type ContactLabel = (typeof contactLabels)[number];
export const contactStatuses = ['unverified', 'verified', 'bounced', 'wrong_number', 'opted_out'] as const;
export type ContactStatus = (typeof contactStatuses)[number];
export const customFieldTypes = ['text', 'number', 'date', 'single_choice', 'multiple_choice'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];
export const peopleSorts = ['name', '-created', '-updated'] as const;
export type PeopleSort = (typeof peopleSorts)[number];

export interface TagRef { slug: string; name: string }
export interface AreaRef { code: string; name: string }
export interface Page<T> { items: T[]; nextCursor: string | null }

export interface PersonSummary {
  id: string;
  firstName: string;
  lastName: string;
  unit: { id: string; name: string };
  primaryEmail: string | null;
  primaryPhone: string | null;
  postcode: string | null;
  ward: AreaRef | null;
  membershipStatus: MembershipStatus;
  tags: TagRef[];
  updatedAt: string;
}

export interface Contact {
  id: string;
  kind: 'email' | 'phone';
  value: string;
  label: ContactLabel;
  isPrimary: boolean;
  status: ContactStatus;
}

export interface PersonDetail extends PersonSummary {
  orgId: string;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  constituency: AreaRef | null;
  membershipNumber: string | null;
  joinedOn: string | null;
  contacts: Contact[];
  customFields: Record<string, unknown>;
  source: string | null;
  createdAt: string;
  isDemo: boolean;
}

/** The fields a person form sends; `contacts` and `tags` only on create. */
export interface PersonInput {
  id?: string;
  unitId: string;
  firstName: string;
  lastName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  wardCode: string | null;
  constituencyCode: string | null;
  membershipStatus: MembershipStatus;
  membershipNumber: string | null;
  joinedOn: string | null;
  customFields: Record<string, unknown>;
  contacts?: { kind: 'email' | 'phone'; value: string; label: ContactLabel; isPrimary: boolean }[];
  tags?: string[];
}

export interface Tag { id: string; slug: string; name: string; count: number }
export interface CustomField { id: string; key: string; label: string; type: CustomFieldType; choices: string[]; required: boolean }
export interface Unit { id: string; orgId: string; parentId: string | null; kind: string; code: string; name: string; depth: number; areaCount: number; peopleCount: number | null }
export interface Area { code: string; kind: string; name: string; parentCode: string | null; boundarySet: string | null }

/** What a list of people is narrowed by; the same filter drives the list, count, bulk tagging and export. */
export interface PeopleFilter {
  unit?: string;
  area?: string;
  tag?: string;
  membership?: MembershipStatus;
  q?: string;
  sort?: PeopleSort;
}

/** A filter as query-string pairs, leaving out empty values (and `sort` unless asked). */
export function filterToQuery(filter: PeopleFilter, opts: { sort?: boolean } = { sort: true }): [string, string][] {
  const out: [string, string][] = [];
  for (const k of ['unit', 'area', 'tag', 'membership', 'q'] as const) {
    const v = filter[k]?.trim();
    if (v) out.push([k, v]);
  }
  if (opts.sort && filter.sort && filter.sort !== 'name') out.push(['sort', filter.sort]);
  return out;
}

/** The body form of a filter for POST routes (bulk tagging): no sort, no empty values. */
export function filterBody(filter: PeopleFilter): Omit<PeopleFilter, 'sort'> {
  return Object.fromEntries(filterToQuery(filter, { sort: false }));
}

const qs = (pairs: [string, string][]) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '');

export const peopleKeys = {
  all: ['people'] as const,
  list: (filter: PeopleFilter, cursor?: string) => ['people', 'list', filter, cursor ?? null] as const,
  count: (filter: PeopleFilter) => ['people', 'count', filter] as const,
  one: (id: string) => ['people', 'one', id] as const,
  tags: ['tags'] as const,
  fields: ['custom-fields'] as const,
};

/** One page of people matching a filter; keeps the previous page on screen while the next loads. */
export function usePeopleList(filter: PeopleFilter, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: peopleKeys.list(filter, cursor),
    queryFn: () => api<Page<PersonSummary>>(`/people${qs([...filterToQuery(filter), ['limit', String(limit)], ...(cursor ? [['cursor', cursor] as [string, string]] : [])])}`),
    placeholderData: keepPreviousData,
  });
}

/** How many people match a filter (the figure bulk actions act on). */
export function usePeopleCount(filter: PeopleFilter) {
  return useQuery({
    queryKey: peopleKeys.count(filter),
    queryFn: () => api<{ count: number }>(`/people/count${qs(filterToQuery(filter, { sort: false }))}`).then((r) => r.count),
    placeholderData: keepPreviousData,
  });
}

/** One person in full. */
export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: peopleKeys.one(id ?? ''), queryFn: () => api<PersonDetail>(`/people/${id}`), enabled: !!id });
}

/** Every tag of the organisation (at most 200, the API's page size), with usage counts. */
export function useTags() {
  return useQuery({ queryKey: peopleKeys.tags, queryFn: () => api<Page<Tag>>('/tags?limit=200').then((p) => p.items), staleTime: 30_000 });
}

/** The organisation's custom field definitions. */
export function useCustomFields() {
  return useQuery({ queryKey: peopleKeys.fields, queryFn: () => api<{ items: CustomField[] }>('/custom-fields').then((r) => r.items), staleTime: 30_000 });
}

/** The units the caller can see, in tree order. */
export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => api<{ items: Unit[] }>('/units').then((r) => r.items), staleTime: 60_000 });
}

/** Areas whose name or code matches the text (for combo boxes); nothing until two characters are typed. */
export function useAreaSearch(q: string, kind?: 'ward' | 'constituency') {
  const text = q.trim();
  return useQuery({
    queryKey: ['areas', 'search', kind ?? null, text],
    queryFn: () => api<Page<Area>>(`/areas${qs([['q', text], ['limit', '20'], ...(kind ? [['kind', kind] as [string, string]] : [])])}`).then((p) => p.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}

/** One area by ONS code (to show the name of a code that came from the address bar). */
export function useArea(code: string | undefined) {
  return useQuery({ queryKey: ['areas', 'one', code], queryFn: () => api<Area>(`/areas/${encodeURIComponent(code!)}`), enabled: !!code, staleTime: 300_000 });
}

/** Adds a person; the key makes a double submit or a retry return the same person. */
export const createPerson = (body: PersonInput, idempotencyKey: string) => api<PersonDetail>('/people', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });
/** A person's contacts as an edit sends them: an id keeps an existing contact, none adds one. */
export type ContactEdit = NonNullable<PersonInput['contacts']>[number] & { id?: string };
/** Changes some of a person's details, and replaces their contacts or tags when given, all in one transaction. */
export const updatePerson = (id: string, body: Partial<Omit<PersonInput, 'id' | 'contacts'>> & { contacts?: ContactEdit[] }) => api<PersonDetail>(`/people/${id}`, { method: 'PATCH', body });
/** Deletes a person (kept for audit, gone from every list). */
export const deletePerson = (id: string) => api<void>(`/people/${id}`, { method: 'DELETE' });

/** Replaces a person's tags with these slugs. */
export const setPersonTags = (personId: string, slugs: string[]) => api<{ tags: TagRef[] }>(`/people/${personId}/tags`, { method: 'PUT', body: { tags: slugs } });
/** Adds or removes tags on everyone matching a filter whom the caller may update. */
export const bulkTag = (filter: PeopleFilter, change: { add?: string[]; remove?: string[] }) =>
  api<{ matched: number; added: number; removed: number }>('/people/bulk-tag', { method: 'POST', body: { filter: filterBody(filter), add: change.add ?? [], remove: change.remove ?? [] } });

export const createTag = (name: string) => api<Tag>('/tags', { method: 'POST', body: { name } });
export const renameTag = (id: string, name: string) => api<Omit<Tag, 'count'>>(`/tags/${id}`, { method: 'PATCH', body: { name } });
export const deleteTag = (id: string) => api<void>(`/tags/${id}`, { method: 'DELETE' });

export const createField = (body: { key: string; label: string; type: CustomFieldType; choices: string[]; required: boolean }) =>
  api<CustomField>('/custom-fields', { method: 'POST', body });
export const updateField = (id: string, body: { label?: string; choices?: string[]; required?: boolean }) => api<CustomField>(`/custom-fields/${id}`, { method: 'PATCH', body });
export const deleteField = (id: string) => api<void>(`/custom-fields/${id}`, { method: 'DELETE' });

/** The CSV download of everyone matching a filter (the server logs every export). */
export const exportUrl = (filter: PeopleFilter) => `/api/people/export.csv${qs(filterToQuery(filter, { sort: false }))}`;

// Imports: src/modules/imports/routes.ts and present.ts.

export const importStatuses = ['uploaded', 'running', 'completed', 'failed'] as const;
export interface FieldProblem { field: string | null; column: string | null; message: string }
export interface ImportJob {
  id: string;
  unitId: string;
  fileName: string;
  byteSize: number;
  status: (typeof importStatuses)[number];
  totalRows: number;
  committedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  columns: string[];
  mapping: Record<string, string>;
  failureMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
/** The upload answer: the job with its guessed mapping, the first rows as text, and what columns can map to. */
export interface UploadedImport extends ImportJob { preview: string[][]; fields: string[] }
export interface ImportPreview {
  totalRows: number;
  counts: { create: number; update: number; unchanged: number; error: number };
  rows: { row: number; outcome: 'created' | 'updated' | 'unchanged' | 'error'; errors: FieldProblem[] }[];
  errors: { row: number; errors: FieldProblem[] }[];
}

/** Uploads a CSV file into a unit as a new import job (nothing is imported yet). */
export const uploadImport = (unitId: string, file: File) =>
  api<UploadedImport>(`/imports${qs([['unit', unitId], ['fileName', file.name.slice(0, 200) || 'upload.csv']])}`, { method: 'POST', raw: file, headers: { 'content-type': 'text/csv' } });
/** A dry run of the whole file with a mapping: counts and the first rows' outcomes. */
export const previewImport = (jobId: string, mapping: Record<string, string>, rows = 20) =>
  api<ImportPreview>(`/imports/${jobId}/preview`, { method: 'POST', body: { mapping, rows } });
/** Starts the import in the background; poll the job for progress. */
export const startImport = (jobId: string, mapping: Record<string, string>) => api<ImportJob>(`/imports/${jobId}/start`, { method: 'POST', body: { mapping } });
export const fetchImport = (jobId: string) => api<ImportJob>(`/imports/${jobId}`);
/** The error report of a job as a CSV download. */
export const importErrorsUrl = (jobId: string) => `/api/imports/${jobId}/errors.csv`;

/** A job, polled every second while it runs. */
export function useImportJob(jobId: string | undefined) {
  return useQuery({
    queryKey: ['imports', jobId],
    queryFn: () => fetchImport(jobId!),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
}

// Duplicates: src/modules/duplicates/routes.ts and mergePeople.ts.

export const duplicateReasons = ['email', 'phone', 'name_postcode'] as const;
export interface DuplicateGroup {
  reason: (typeof duplicateReasons)[number];
  strength: 'strong' | 'suggestion';
  /** The shared email, phone (E.164) or "first last, postcode". */
  key: string;
  people: PersonSummary[];
}
/** Fields a merge can take from any of the records (custom fields as `custom:<key>`). */
export const mergeFields = ['firstName', 'lastName', 'addressLine1', 'addressLine2', 'town', 'postcode', 'wardCode', 'constituencyCode', 'membershipStatus', 'membershipNumber', 'joinedOn', 'unitId'] as const;
export type MergeField = (typeof mergeFields)[number];

/** One page of groups of people who are probably the same person. */
export function useDuplicates(cursor: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['people', 'duplicates', cursor ?? null],
    queryFn: () => api<Page<DuplicateGroup>>(`/people/duplicates${qs([['limit', '20'], ...(cursor ? [['cursor', cursor] as [string, string]] : [])])}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Merges records into a survivor; `choices` says which record each field's value comes from. */
export const mergePeople = (body: { survivorId: string; otherIds: string[]; choices: Record<string, string> }) =>
  api<{ survivor: PersonDetail; mergedIds: string[] }>('/people/merge', { method: 'POST', body });

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { ElectionsNav } from './ElectionsNav.tsx';
import './elections.css';

interface Outcome { election: string; status: 'created' | 'replaced' | 'unchanged'; seats: number; boundarySet: string; heldOn: string }

/** /elections/import: upload a House of Commons Library results file (national admins). */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [election, setElection] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [replace, setReplace] = useState(false);
  const upload = useMutation({
    mutationFn: async () => api<{ results: Outcome[] }>('/elections/imports', {
      method: 'POST',
      body: { fileName: file!.name, content: await file!.text(), election: election || undefined, heldOn: heldOn || undefined, replace: replace || undefined },
    }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['elections'] }),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (file) upload.mutate();
  }
  const details = upload.error instanceof ApiError && Array.isArray(upload.error.details) ? (upload.error.details as { path: string; message: string }[]) : [];
  return (
    <>
      <PageHeader title={t('elections.import.title')} lead={t('elections.import.lead')} />
      <ElectionsNav />
      <Form onSubmit={submit} className="elections-form">
        <div className="field">
          <label htmlFor="results-file">{t('elections.import.file')}</label>
          <input id="results-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="results-file-hint" />
          <span id="results-file-hint" className="hint">{t('elections.import.fileHint')}</span>
        </div>
        <TextInput label={t('elections.import.name')} hint={t('elections.import.nameHint')} value={election} onChange={setElection} maxLength={40} />
        <TextInput label={t('elections.import.heldOn')} hint={t('elections.import.heldOnHint')} type="date" value={heldOn} onChange={setHeldOn} />
        <Checkbox isSelected={replace} onChange={setReplace} className="elections-checkbox">{t('elections.import.replace')}</Checkbox>
        <div className="actions"><Button type="submit" isDisabled={!file || upload.isPending}>{upload.isPending ? t('elections.import.importing') : t('elections.import.submit')}</Button></div>
      </Form>
      <div role="status">
        {upload.data && <ul className="notice notice--ok">{upload.data.results.map((r) => <li key={r.election}>{t(`elections.import.${r.status}`, { ...r })}</li>)}</ul>}
      </div>
      {upload.error && (
        <div role="alert" className="notice notice--error">
          <p>{upload.error.message}</p>
          {details.length > 0 && <ul>{details.slice(0, 50).map((d) => <li key={`${d.path}${d.message}`}>{d.path}: {d.message}</li>)}</ul>}
        </div>
      )}
    </>
  );
}

import { useState, type DragEvent, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { uploadImport, useUnits, type UploadedImport } from '../../../api/people.ts';
import { useSession } from '../../../api/session.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { failureOf } from '../form/PersonForm.tsx';

const MAX_BYTES = 50 * 1024 * 1024;

/** Step 1: choose the unit and the CSV file (the file input, or drop a file on the box). */
export function UploadStep({ onUploaded }: { onUploaded: (job: UploadedImport) => void }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const granted = session?.grants.filter((g) => g.permissions.includes('people.import')).map((g) => g.unitId) ?? [];
  const [unitId, setUnitId] = useState<string | null>(granted.at(-1) ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ unit?: string; file?: string; message?: string }>({});
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problems = {
      unit: unitId ? undefined : t('peopleTools.import.chooseUnit'),
      file: !file ? t('peopleTools.import.chooseFile') : file.size > MAX_BYTES ? t('peopleTools.import.tooBig') : undefined,
    };
    if (problems.unit || problems.file) return setErrors(problems);
    setBusy(true);
    setErrors({});
    try {
      onUploaded(await uploadImport(unitId!, file!));
    } catch (err) {
      const f = failureOf(err, t('common.error'));
      setErrors({ unit: f.fieldErrors['unit'], file: f.fieldErrors[''] , message: f.message });
    } finally {
      setBusy(false);
    }
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  }

  return (
    <Form onSubmit={submit} validationBehavior="aria">
      <p>{t('peopleTools.import.uploadIntro')}</p>
      <SelectField
        label={t('peopleTools.import.unit')}
        hint={t('peopleTools.import.unitHint')}
        options={(units.data ?? []).filter((u) => u.peopleCount !== null).map((u) => ({ id: u.id, label: u.name }))}
        value={unitId}
        onChange={setUnitId}
        error={errors.unit}
        isRequired
      />
      <div
        className={`drop-box${dragging ? ' drop-box--over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <div className={`field${errors.file ? ' field--invalid' : ''}`}>
          <label htmlFor="import-file">{t('peopleTools.import.file')}</label>
          <span className="hint" id="import-file-hint">{t('peopleTools.import.fileHint')}</span>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`import-file-hint${errors.file ? ' import-file-error' : ''}`}
            aria-invalid={errors.file ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {errors.file && <span className="field-error" id="import-file-error">{errors.file}</span>}
        </div>
        {file && <p className="muted">{t('peopleTools.import.chosen', { name: file.name, size: Math.ceil(file.size / 1024) })}</p>}
      </div>
      {errors.message && <StatusMessage kind="error">{errors.message}</StatusMessage>}
      <div className="actions">
        <Button type="submit" isDisabled={busy}>{busy ? t('peopleTools.import.uploading') : t('peopleTools.import.upload')}</Button>
      </div>
    </Form>
  );
}

import { Button as AriaButton, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type UploadedImport } from '../../../api/people.ts';
import { importFieldLabel } from './fieldLabel.ts';

/** The id of a column's select, so the error summary can link to it. */
export const mappingFieldId = (columns: string[], column: string) => `mapping-${columns.indexOf(column)}`;

/**
 * Step 2: what each column holds. The server's guesses are chosen already; each row shows a
 * few values from the file so the choice can be checked.
 */
export function MappingStep({ job, mapping, onChange, errors }: { job: UploadedImport; mapping: Record<string, string>; onChange: (m: Record<string, string>) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const custom = useCustomFields();
  const options = ['ignore', ...job.fields].map((f) => ({ id: f, label: importFieldLabel(t, f, custom.data ?? []) }));
  const samples = (i: number) => [...new Set(job.preview.map((r) => r[i]?.trim() ?? '').filter(Boolean))].slice(0, 3);
  return (
    <div className="table-wrap" role="region" aria-labelledby="mapping-caption" tabIndex={0}>
      <table className="mapping-table">
        <caption id="mapping-caption">{t('peopleTools.import.mappingCaption', { file: job.fileName })}</caption>
        <thead>
          <tr><th scope="col">{t('peopleTools.import.column')}</th><th scope="col">{t('peopleTools.import.importAs')}</th></tr>
        </thead>
        <tbody>
          {job.columns.map((column, i) => {
            const id = mappingFieldId(job.columns, column);
            const error = errors[`mapping.${column}`];
            const seen = samples(i);
            return (
              <tr key={column}>
                <th scope="row">
                  <span className="mapping-table__column">{column}</span>
                  <span className="mapping-table__samples muted">{seen.length ? t('peopleTools.import.samples', { values: seen.join(', ') }) : t('peopleTools.import.noSamples')}</span>
                </th>
                <td>
                  <Select
                    id={id}
                    className="field select-field mapping-table__select"
                    value={mapping[column] ?? 'ignore'}
                    onChange={(k: Key | null) => onChange({ ...mapping, [column]: String(k ?? 'ignore') })}
                    isInvalid={!!error}
                  >
                    <Label className="visually-hidden">{t('peopleTools.import.importColumnAs', { column })}</Label>
                    <AriaButton className="react-aria-Button select-field__button">
                      <SelectValue />
                      <span aria-hidden="true" className="select-field__chevron">▾</span>
                    </AriaButton>
                    <FieldError>{error}</FieldError>
                    <Popover className="react-aria-Popover popover">
                      <ListBox items={options} className="listbox">
                        {(o) => <ListBoxItem id={o.id} textValue={o.label} className="listbox__item">{o.label}</ListBoxItem>}
                      </ListBox>
                    </Popover>
                  </Select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { AreaTable } from './AreaTable.tsx';

/** /areas: search by name or ONS code, or browse from the nations and English regions down. */
export function AreasPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [input, setInput] = useState(q);

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = input.trim();
    setParams(next ? { q: next } : {});
  }

  return (
    <>
      <PageHeader title={t('units.geo.title')} lead={t('units.geo.lead')} />
      <Form role="search" aria-label={t('units.geo.search')} onSubmit={submit} className="search-form">
        <TextInput label={t('units.geo.search')} hint={t('units.geo.searchHint')} type="search" value={input} onChange={setInput} maxLength={100} autoComplete="off" />
        <div className="actions">
          <Button type="submit">{t('units.geo.searchSubmit')}</Button>
          {q && <Button className="react-aria-Button button--secondary" onPress={() => { setInput(''); setParams({}); }}>{t('units.geo.clear')}</Button>}
        </div>
      </Form>
      {q ? (
        <section aria-labelledby="area-results">
          <h2 id="area-results">{t('units.geo.results', { q })}</h2>
          <AreaTable key={q} query={{ q }} caption={t('units.geo.results', { q })} captionHidden empty={t('units.geo.noResults', { q })} showSets />
        </section>
      ) : (
        <>
          <section aria-labelledby="area-nations">
            <h2 id="area-nations">{t('units.geo.nations')}</h2>
            <AreaTable query={{ kind: 'nation' }} caption={t('units.geo.nations')} captionHidden empty={t('units.geo.noChildren')} />
          </section>
          <section aria-labelledby="area-regions">
            <h2 id="area-regions">{t('units.geo.regions')}</h2>
            <AreaTable query={{ kind: 'region' }} caption={t('units.geo.regions')} captionHidden empty={t('units.geo.noChildren')} />
          </section>
        </>
      )}
    </>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { createRelationship, organisingKeys, relationshipKinds, type NewRelationship, type RelationshipKind } from '../../api/organising.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { DateField } from '../conversations/log/DateField.tsx';
import { SegmentedField } from '../conversations/log/SegmentedField.tsx';
import { localDate } from '../conversations/log/formState.ts';
import { PersonComboBox } from './PersonComboBox.tsx';

type LinkType = 'tie' | 'recruited' | 'recruitedBy' | 'brought';

/** Records a link from this person: a tie (kind and strength), someone they recruited or were recruited by, or someone they brought. */
export function AddRelationship({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const [type, setType] = useState<LinkType>('tie');
  const [kind, setKind] = useState<RelationshipKind>('friend');
  const [strength, setStrength] = useState('3');
  const [eventName, setEventName] = useState('');
  const [occurredOn, setOccurredOn] = useState(localDate(0));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  async function save() {
    if (!other) { setErrors({ otherPersonId: t('organising.relationships.otherNeeded') }); return; }
    const body: NewRelationship = type === 'tie' ? { type, personId, otherPersonId: other.id, kind, strength: Number(strength) }
      : type === 'recruited' ? { type, personId, otherPersonId: other.id, occurredOn }
        : type === 'recruitedBy' ? { type: 'recruited', personId: other.id, otherPersonId: personId, occurredOn }
          : { type, personId, otherPersonId: other.id, eventName, occurredOn };
    setBusy(true);
    try {
      await createRelationship(body);
      setErrors({});
      setMessage({ kind: 'ok', text: t('organising.relationships.added', { a: name, b: other.name }) });
      setOther(null);
      setRound((r) => r + 1);
      await queryClient.invalidateQueries({ queryKey: organisingKeys.all });
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      setErrors(fields);
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="organising-section" aria-labelledby="rel-add-heading">
      <h2 id="rel-add-heading">{t('organising.relationships.addTitle')}</h2>
      <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
      <Form className="log-form" validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <PersonComboBox key={round} label={t('organising.relationships.other')} value={other} onChange={setOther} exclude={personId} error={errors.otherPersonId} />
        <SegmentedField
          id="rel-type"
          label={t('organising.relationships.type')}
          options={(['tie', 'recruited', 'recruitedBy', 'brought'] as const).map((x) => ({ id: x, label: t(`organising.relationships.types.${x}`, { name }) }))}
          value={type}
          onChange={(v) => setType(v as LinkType)}
        />
        {type === 'tie' && (
          <>
            <SelectField label={t('organising.relationships.kind')} options={relationshipKinds.map((k) => ({ id: k, label: t(`organising.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as RelationshipKind)} error={errors.kind} />
            <SegmentedField id="rel-strength" label={t('organising.relationships.strength')} hint={t('organising.relationships.strengthHint')} compact options={['1', '2', '3', '4', '5'].map((s) => ({ id: s, label: s }))} value={strength} onChange={setStrength} error={errors.strength} />
          </>
        )}
        {type === 'brought' && <TextInput label={t('organising.relationships.event')} value={eventName} onChange={setEventName} error={errors.eventName} isRequired />}
        {type !== 'tie' && <DateField label={t('organising.relationships.date')} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} />}
        <Button type="submit" className="react-aria-Button" isDisabled={busy}>{busy ? t('common.working') : t('organising.relationships.add')}</Button>
      </Form>
    </section>
  );
}

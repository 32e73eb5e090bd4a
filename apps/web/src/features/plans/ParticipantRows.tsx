import type { Organisation } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { CheckboxField, fieldId, SelectField, TextField } from '../../components/fields.tsx';
import { emptyParticipant, type ParticipantDraft } from './measure-form.ts';
import { RowList } from './RowList.tsx';

/** The participating organisations, each with its commitment: what, hours, money, and whether it takes part for the young. */
export function ParticipantRows({
  rows,
  onChange,
  organisations,
  errorFor,
  scope,
}: {
  rows: ParticipantDraft[];
  onChange: (rows: ParticipantDraft[]) => void;
  organisations: Organisation[];
  errorFor: (path: string) => string | undefined;
  scope: string;
}) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('actionPlans.editor.chooseOrganisation') },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <RowList
      heading={t('actionPlans.measure.participants')}
      testId="participant-rows"
      rows={rows}
      onChange={onChange}
      newRow={emptyParticipant}
      legend={(n) => t('actionPlans.editor.participantN', { n })}
      removeLabel={(n) => t('actionPlans.editor.removeParticipant', { n })}
      addLabel={t('actionPlans.editor.addParticipant')}
      empty={t('actionPlans.measure.noParticipants')}
      firstField={(i) => fieldId(`participants.${i}.organisationId`, scope)}
    >
      {(p, i, update) => {
        const name = (field: string) => `participants.${i}.${field}`;
        return (
          <>
            <SelectField
              scope={scope}
              name={name('organisationId')}
              label={t('actionPlans.measure.organisation')}
              required
              options={options}
              value={p.organisationId}
              onChange={(e) => update({ organisationId: e.target.value })}
              error={errorFor(name('organisationId'))}
            />
            <TextField
              scope={scope}
              name={name('what')}
              label={t('actionPlans.measure.what')}
              required
              value={p.what}
              onChange={(e) => update({ what: e.target.value })}
              error={errorFor(name('what'))}
            />
            <div className="form-row">
              <TextField
                scope={scope}
                name={name('hours')}
                inputMode="decimal"
                autoComplete="off"
                label={t('actionPlans.measure.hours')}
                value={p.hours}
                onChange={(e) => update({ hours: e.target.value })}
                error={errorFor(name('hours'))}
              />
              <TextField
                scope={scope}
                name={name('moneySek')}
                inputMode="numeric"
                autoComplete="off"
                label={t('actionPlans.measure.money')}
                value={p.moneySek}
                onChange={(e) => update({ moneySek: e.target.value })}
                error={errorFor(name('moneySek'))}
              />
            </div>
            <CheckboxField
              scope={scope}
              name={name('youth')}
              label={t('actionPlans.editor.youth')}
              checked={p.youth}
              onChange={(youth) => update({ youth })}
            />
          </>
        );
      }}
    </RowList>
  );
}

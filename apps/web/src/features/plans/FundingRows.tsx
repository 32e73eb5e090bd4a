import { useTranslation } from 'react-i18next';
import { fieldId, TextField } from '../../components/fields.tsx';
import { emptyFunding, type FundingDraft } from './measure-form.ts';
import { RowList } from './RowList.tsx';

/** Where the money comes from: a source and, when known, an amount in kronor. */
export function FundingRows({
  rows,
  onChange,
  errorFor,
  scope,
}: {
  rows: FundingDraft[];
  onChange: (rows: FundingDraft[]) => void;
  errorFor: (path: string) => string | undefined;
  scope: string;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      heading={t('actionPlans.measure.funding')}
      testId="funding-rows"
      rows={rows}
      onChange={onChange}
      newRow={emptyFunding}
      legend={(n) => t('actionPlans.editor.fundingN', { n })}
      removeLabel={(n) => t('actionPlans.editor.removeFunding', { n })}
      addLabel={t('actionPlans.editor.addFunding')}
      empty={t('actionPlans.editor.noFunding')}
      firstField={(i) => fieldId(`funding.${i}.source`, scope)}
    >
      {(f, i, update) => {
        const name = (field: string) => `funding.${i}.${field}`;
        return (
          <div className="form-row">
            <TextField
              scope={scope}
              name={name('source')}
              label={t('actionPlans.editor.source')}
              required
              value={f.source}
              onChange={(e) => update({ source: e.target.value })}
              error={errorFor(name('source'))}
            />
            <TextField
              scope={scope}
              name={name('amountSek')}
              inputMode="numeric"
              autoComplete="off"
              label={t('actionPlans.editor.amount')}
              value={f.amountSek}
              onChange={(e) => update({ amountSek: e.target.value })}
              error={errorFor(name('amountSek'))}
            />
          </div>
        );
      }}
    </RowList>
  );
}

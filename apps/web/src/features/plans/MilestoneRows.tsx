import { useTranslation } from 'react-i18next';
import { CheckboxField, fieldId, TextField } from '../../components/fields.tsx';
import { emptyMilestone, type MilestoneDraft } from './measure-form.ts';
import { RowList } from './RowList.tsx';

/** The measure's milestones in its schedule: a title, a date and whether it is reached. */
export function MilestoneRows({
  rows,
  onChange,
  errorFor,
  scope,
}: {
  rows: MilestoneDraft[];
  onChange: (rows: MilestoneDraft[]) => void;
  errorFor: (path: string) => string | undefined;
  scope: string;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      heading={t('actionPlans.measure.milestones')}
      testId="milestone-rows"
      rows={rows}
      onChange={onChange}
      newRow={emptyMilestone}
      legend={(n) => t('actionPlans.editor.milestoneN', { n })}
      removeLabel={(n) => t('actionPlans.editor.removeMilestone', { n })}
      addLabel={t('actionPlans.editor.addMilestone')}
      empty={t('actionPlans.editor.noMilestones')}
      firstField={(i) => fieldId(`milestones.${i}.title`, scope)}
    >
      {(m, i, update) => {
        const name = (field: string) => `milestones.${i}.${field}`;
        return (
          <>
            <div className="form-row">
              <TextField
                scope={scope}
                name={name('title')}
                label={t('actionPlans.measure.milestone')}
                required
                value={m.title}
                onChange={(e) => update({ title: e.target.value })}
                error={errorFor(name('title'))}
              />
              <TextField
                scope={scope}
                name={name('date')}
                type="date"
                label={t('actionPlans.timeline.date')}
                required
                value={m.date}
                onChange={(e) => update({ date: e.target.value })}
                error={errorFor(name('date'))}
              />
            </div>
            <CheckboxField
              scope={scope}
              name={name('done')}
              label={t('actionPlans.measure.reached')}
              checked={m.done}
              onChange={(done) => update({ done })}
            />
          </>
        );
      }}
    </RowList>
  );
}

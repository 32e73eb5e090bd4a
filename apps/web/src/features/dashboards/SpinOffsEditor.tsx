import type { Dashboard } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { ErrorSummary, fieldError, fieldId, TextAreaField, TextField } from '../../components/fields.tsx';
import { dashboardKeys } from './DashboardPage.tsx';
import { EditableItem, ItemsSection } from './ItemsSection.tsx';

/** Spin-off effects: what the project led to beyond its own goals. */
export function SpinOffsEditor({ spaceId, dashboard }: { spaceId: string; dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <ItemsSection
      id="spinoffs-heading"
      heading={t('process.dashboard.spinOffs')}
      lead={t('editors.spinOffs.lead')}
      empty={t('process.dashboard.noSpinOffs')}
      testId="spin-off-items"
      items={dashboard.facts?.spinOffs ?? []}
      item={(s, onDone) => <SpinOffItem spaceId={spaceId} spinOff={s} onDone={onDone} />}
      addForm={(onDone) => <SpinOffForm spaceId={spaceId} onDone={onDone} />}
    />
  );
}

type SpinOff = NonNullable<Dashboard['facts']>['spinOffs'][number];

function SpinOffItem({ spaceId, spinOff, onDone }: { spaceId: string; spinOff: SpinOff; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const what = `${formatDate(spinOff.date)}: ${spinOff.text.length > 40 ? `${spinOff.text.slice(0, 40)}…` : spinOff.text}`;
  return (
    <EditableItem
      spaceId={spaceId}
      testId="spin-off-item"
      what={what}
      removed={t('editors.spinOffs.removed')}
      remove={() => api.deleteSpinOff({ params: { id: spaceId, spinOffId: spinOff.id } })}
      editForm={(done) => <SpinOffForm spaceId={spaceId} spinOff={spinOff} onDone={done} />}
      onDone={onDone}
    >
      <p>
        <strong>{formatDate(spinOff.date)}</strong>: {spinOff.text}
        {spinOff.source && (
          <>
            {' '}
            ({t('process.dashboard.source')}: {spinOff.source})
          </>
        )}
      </p>
    </EditableItem>
  );
}

function SpinOffForm({ spaceId, spinOff, onDone }: { spaceId: string; spinOff?: SpinOff; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const scope = spinOff ? `spin-off-${spinOff.id}` : 'spin-off-new';
  const queryClient = useQueryClient();
  const [date, setDate] = useState(spinOff?.date ?? new Date().toISOString().slice(0, 10));
  const [text, setText] = useState(spinOff?.text ?? '');
  const [source, setSource] = useState(spinOff?.source ?? '');
  useEffect(() => {
    if (spinOff) document.getElementById(fieldId('date', scope))?.focus();
  }, [spinOff, scope]);
  const save = useMutation({
    mutationFn: () => {
      const body = { date, text, source };
      return spinOff
        ? api.updateSpinOff({ params: { id: spaceId, spinOffId: spinOff.id }, body })
        : api.createSpinOff({ params: { id: spaceId }, body });
    },
    onSuccess: async () => {
      if (!spinOff) {
        setText('');
        setSource('');
      }
      onDone(t('editors.spinOffs.saved'));
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const labels = { date: t('editors.spinOffs.date'), text: t('editors.spinOffs.text'), source: t('editors.spinOffs.source') };
  return (
    <form onSubmit={submit} className="form" noValidate data-testid={spinOff ? 'spin-off-edit-form' : 'spin-off-new-form'}>
      {!spinOff && <h3>{t('editors.spinOffs.add')}</h3>}
      <ErrorSummary error={save.error} scope={scope} labels={labels} />
      <TextField
        scope={scope}
        name="date"
        type="date"
        label={labels.date}
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={fieldError(save.error, 'date')}
      />
      <TextAreaField
        scope={scope}
        name="text"
        label={labels.text}
        hint={t('editors.spinOffs.textHint')}
        required
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fieldError(save.error, 'text')}
      />
      <TextField
        scope={scope}
        name="source"
        label={labels.source}
        hint={t('editors.spinOffs.sourceHint')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
        error={fieldError(save.error, 'source')}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={save.isPending}>
          {spinOff ? t('editors.saveChanges') : t('editors.spinOffs.addButton')}
        </button>
        {spinOff && (
          <button type="button" className="button button--secondary" onClick={() => onDone('')}>
            {t('editors.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

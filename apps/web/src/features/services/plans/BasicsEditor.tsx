import type { ServicePlan } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../api/format.ts';
import { fieldError, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { useAnalyses } from '../analysis/api.ts';
import { AnalysisFigures } from './PlanContentView.tsx';
import { usePlanSaver } from './usePlanSaver.ts';
import { EditorSection } from './EditorSection.tsx';
import { withCurrent } from './withCurrent.ts';

export function BasicsEditor({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [v, setV] = useState({ title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, background: plan.content.background, analysisId: plan.content.analysisId ?? '' });
  const [links, setLinks] = useState(plan.content.links.map((l) => ({ title: l.title, url: l.url ?? '' })));
  const err = (name: string) => fieldError(save.error, name);
  // The space's finished analyses to choose from; one already named stays choosable while the list loads.
  const analyses = useAnalyses(plan.spaceId);
  const analysisOptions = withCurrent(
    [{ value: '', label: t('servicePlans.editor.noAnalysis') }, ...(analyses.data ?? []).filter((a) => a.status === 'done').map((a) => ({ value: a.id, label: t('servicePlans.editor.analysisOption', { name: a.name, date: formatDate(a.createdAt) }) }))],
    v.analysisId,
  );
  return (
    <EditorSection
      id="basics"
      testId="basics-form"
      title={t('servicePlans.sections.background')}
      error={save.error}
      pending={save.isPending}
      onSubmit={() =>
        save.mutate({ ...v, analysisId: v.analysisId.trim() || null, links: links.filter((l) => l.title.trim()).map((l) => ({ title: l.title, url: l.url.trim() || null })) })
      }
    >
      <TextField scope="basics" name="title" label={t('servicePlans.fields.title')} required value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={err('title')} />
      <div className="form-row">
        <TextField scope="basics" name="periodStart" type="date" label={t('servicePlans.fields.periodStart')} required value={v.periodStart} onChange={(e) => setV({ ...v, periodStart: e.target.value })} error={err('periodStart')} />
        <TextField scope="basics" name="periodEnd" type="date" label={t('servicePlans.fields.periodEnd')} required value={v.periodEnd} onChange={(e) => setV({ ...v, periodEnd: e.target.value })} error={err('periodEnd')} />
      </div>
      <TextAreaField scope="basics" name="background" label={t('servicePlans.fields.background')} hint={t('servicePlans.editor.backgroundHint')} rows={6} value={v.background} onChange={(e) => setV({ ...v, background: e.target.value })} error={err('background')} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('servicePlans.fields.links')}</legend>
        {links.map((l, i) => (
          <div className="form-row plan-row" key={i}>
            <TextField scope="basics" name={`links.${i}.title`} label={t('servicePlans.fields.linkTitle', { n: i + 1 })} value={l.title} onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} error={err(`links.${i}.title`)} />
            <TextField scope="basics" name={`links.${i}.url`} type="url" label={t('servicePlans.fields.linkUrl', { n: i + 1 })} value={l.url} onChange={(e) => setLinks(links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))} error={err(`links.${i}.url`)} />
            <button type="button" className="button button--secondary button--small" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
              {t('servicePlans.editor.removeLink', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setLinks([...links, { title: '', url: '' }])}>
          {t('servicePlans.editor.addLink')}
        </button>
      </fieldset>
      <SelectField scope="basics" name="analysisId" label={t('servicePlans.fields.analysisId')} hint={t('servicePlans.editor.analysisHint')} options={analysisOptions} value={v.analysisId} onChange={(e) => setV({ ...v, analysisId: e.target.value })} error={err('analysisId')} />
      <AnalysisFigures analysisId={plan.content.analysisId} analysis={plan.analysis} />
    </EditorSection>
  );
}

import type { ServicePlan } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, TextAreaField, TextField } from '../../../components/fields.tsx';
import { EditorSection } from './EditorSection.tsx';
import type { SectionEditorProps } from './PlanSection.tsx';
import { usePlanSaver } from './usePlanSaver.ts';

/** The background text and the other plans and programmes the plan links to. */
export function BackgroundEditor({ plan, onSaved, onCancel }: { plan: ServicePlan } & SectionEditorProps) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [background, setBackground] = useState(plan.content.background);
  const [links, setLinks] = useState(plan.content.links.map((l) => ({ title: l.title, url: l.url ?? '', note: l.note })));
  const err = (name: string) => fieldError(save.error, name);
  const update = (i: number, patch: Partial<(typeof links)[number]>) => setLinks(links.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <EditorSection
      id="background"
      testId="background-form"
      title={t('servicePlans.sections.background')}
      error={save.error}
      pending={save.isPending}
      onCancel={onCancel}
      onSubmit={() => save.mutate({ background, links: links.filter((l) => l.title.trim()).map((l) => ({ title: l.title, url: l.url.trim() || null, note: l.note })) })}
    >
      <TextAreaField scope="background" name="background" label={t('servicePlans.fields.background')} hint={t('servicePlans.editor.backgroundHint')} rows={8} value={background} onChange={(e) => setBackground(e.target.value)} error={err('background')} />
      <fieldset className="fieldset">
        <legend className="field__label">{t('servicePlans.fields.links')}</legend>
        {links.map((l, i) => (
          <div className="plan-item" key={i}>
            <div className="form-row plan-row">
              <TextField scope="background" name={`links.${i}.title`} label={t('servicePlans.fields.linkTitle', { n: i + 1 })} value={l.title} onChange={(e) => update(i, { title: e.target.value })} error={err(`links.${i}.title`)} />
              <TextField scope="background" name={`links.${i}.url`} type="url" label={t('servicePlans.fields.linkUrl', { n: i + 1 })} value={l.url} onChange={(e) => update(i, { url: e.target.value })} error={err(`links.${i}.url`)} />
            </div>
            <TextField scope="background" name={`links.${i}.note`} label={t('servicePlans.fields.linkNote', { n: i + 1 })} value={l.note} onChange={(e) => update(i, { note: e.target.value })} error={err(`links.${i}.note`)} />
            <button type="button" className="button button--secondary button--small" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
              {t('servicePlans.editor.removeLink', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setLinks([...links, { title: '', url: '', note: '' }])}>
          {t('servicePlans.editor.addLink')}
        </button>
      </fieldset>
    </EditorSection>
  );
}

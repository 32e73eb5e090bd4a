import type { ServicePlan } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { sortBy } from '../../../api/format.ts';
import { useSpaceOrganisations } from '../../actors/api.ts';
import { useMunicipalityLocalities } from './api.ts';
import { NeedsList } from './PlanContentView.tsx';
import { BasicsEditor } from './BasicsEditor.tsx';
import { LevelsEditor } from './LevelsEditor.tsx';
import { GoalsEditor } from './GoalsEditor.tsx';
import { MeasuresEditor } from './MeasuresEditor.tsx';

export function PlanEditor({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const localities = useMunicipalityLocalities(plan.municipalityCode);
  const organisations = useSpaceOrganisations(plan.spaceId);
  const localityOptions = [{ value: '', label: t('servicePlans.editor.noLocality') }, ...sortBy(localities.data ?? [], (l) => l.name).map((l) => ({ value: l.id, label: l.name }))];
  return (
    <div className="plan-editor">
      <p className="notice notice--info">{t('servicePlans.editor.lead')}</p>
      <BasicsEditor plan={plan} onSaved={onSaved} />
      <LevelsEditor plan={plan} localityOptions={localityOptions.slice(1)} onSaved={onSaved} />
      <section aria-labelledby="needs-heading" className="section">
        <h2 id="needs-heading">{t('servicePlans.sections.needs')}</h2>
        <NeedsList spaceId={plan.spaceId} needs={plan.needs} />
      </section>
      <GoalsEditor plan={plan} onSaved={onSaved} />
      <MeasuresEditor plan={plan} localityOptions={localityOptions} organisations={sortBy(organisations.data ?? [], (o) => o.name)} onSaved={onSaved} />
    </div>
  );
}

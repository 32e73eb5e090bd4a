import type { Sector } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../components/fields.tsx';
import i18n from '../../i18n/index.ts';
import { useGoals } from '../dialogues/inputs/api.ts';

export const allianceKeys = {
  ofSpace: (spaceId: string) => ['alliances', 'space', spaceId] as const,
  one: (id: string) => ['alliance', id] as const,
  initiatives: (id: string) => ['alliance', id, 'initiatives'] as const,
  initiative: (id: string) => ['initiative', id] as const,
  calls: (id: string) => ['initiative', id, 'volunteer-calls'] as const,
  signups: (callId: string) => ['volunteer-call', callId, 'signups'] as const,
  directory: (kind: string, filter: Record<string, string>) => ['directory', kind, filter] as const,
};

export const INITIATIVE_STATUSES = ['idea', 'planned', 'ongoing', 'done'] as const;
export const SECTORS: Sector[] = ['public', 'private', 'civil_society', 'academia'];

/** The goals and targets as tags ("Mål 11", "11.a"). */
export function GoalTags({ goals, targets }: { goals: number[]; targets: string[] }) {
  const { t } = useTranslation();
  if (goals.length === 0 && targets.length === 0) return null;
  return (
    <p className="tags">
      <span className="visually-hidden">{t('alliances.goalsLabel')}: </span>
      {goals.map((g) => (
        <span key={`g${g}`} className="tag tag--role">
          {t('alliances.goalTag', { number: g })}
        </span>
      ))}
      {targets.map((target) => (
        <span key={`t${target}`} className="tag">
          {t('alliances.targetTag', { code: target })}
        </span>
      ))}
    </p>
  );
}

/** Goals by checkbox, targets as "11.a, 13.3". */
export function GoalsField({
  scope,
  goals,
  targets,
  onGoals,
  onTargets,
  targetsError,
}: {
  scope: string;
  goals: number[];
  targets: string;
  onGoals: (goals: number[]) => void;
  onTargets: (targets: string) => void;
  targetsError?: string | undefined;
}) {
  const { t } = useTranslation();
  const all = useGoals();
  return (
    <details className="section">
      <summary>{t('alliances.goalsSummary')}</summary>
      <fieldset className="fieldset">
        <legend className="field__label">{t('alliances.goalsLabel')}</legend>
        <div className="goal-choices">
          {(all.data ?? []).map((g) => (
            <CheckboxField
              key={g.number}
              scope={scope}
              name={`goal-${g.number}`}
              label={`${g.number}. ${i18n.language === 'en' ? g.nameEn : g.nameSv}`}
              checked={goals.includes(g.number)}
              onChange={(on) => onGoals(on ? [...goals, g.number] : goals.filter((n) => n !== g.number))}
            />
          ))}
        </div>
      </fieldset>
      <TextField scope={scope} label={t('alliances.targetsLabel')} hint={t('alliances.targetsHint')} name="targets" value={targets} onChange={(e) => onTargets(e.target.value)} error={targetsError} />
    </details>
  );
}

export const parseTargets = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The first field problem under a prefix (targets.0 → targets). */
export function prefixedError(error: unknown, prefix: string): string | undefined {
  const fields = (error as { fields?: Record<string, string> } | null)?.fields;
  if (!fields) return undefined;
  const key = Object.keys(fields).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key ? fields[key] : undefined;
}

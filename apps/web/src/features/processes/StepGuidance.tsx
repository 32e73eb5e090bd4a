import { useTranslation } from 'react-i18next';

/** A step's guidance (what, why, who, how long) and its checklist: the same on a template and in a running process. */
export function StepGuidance({ step }: { step: { guidance: Record<'what' | 'why' | 'who' | 'duration', string>; checklist: string[] } }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="process-guidance">
        {(['what', 'why', 'who', 'duration'] as const)
          .filter((k) => step.guidance[k])
          .map((k) => (
            <div key={k}>
              <dt>{t(`process.view.${k}`)}</dt>
              <dd>{step.guidance[k]}</dd>
            </div>
          ))}
      </dl>
      {step.checklist.length > 0 && (
        <>
          <h4>{t('process.view.checklist')}</h4>
          <ul>
            {step.checklist.map((c, k) => (
              <li key={k}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

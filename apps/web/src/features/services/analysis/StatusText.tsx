import { useTranslation } from 'react-i18next';

export function StatusText({ status, percent, error }: { status: string; percent: number; error?: string | null }) {
  const { t } = useTranslation();
  const text = status === 'running' ? t('analyses.status.runningPercent', { percent }) : t(`analyses.status.${status}`);
  return (
    <span className={`job-status job-status--${status}`} title={error ?? undefined}>
      {text}
      {error ? ` – ${error}` : ''}
    </span>
  );
}

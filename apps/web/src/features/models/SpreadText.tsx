import type { ModelSummary } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';

/** "Used in N municipalities besides its origin": spread at three, and how many are still missing. */
export function SpreadText({ spread }: { spread: ModelSummary['spread'] }) {
  const { t } = useTranslation();
  const others = t('models.spread.others', { count: spread.otherMunicipalities });
  return (
    <>
      {others}{' '}
      {spread.spread ? t('models.spread.isSpread') : t('models.spread.missing', { count: 3 - spread.otherMunicipalities })}
    </>
  );
}

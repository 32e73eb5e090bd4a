import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { AdoptionProgress } from './AgreementsPage.tsx';

/**
 * The agreements of the spaces working in a municipality or a county (issue 10 §1): those in
 * force, linked to their public page, and those out for adoption (linked to the agreement
 * itself, which the caller may see), each with its space, since when it applies and how many
 * parties have adopted it.
 */
export function AreaAgreements({ level, code, name }: { level: 'municipality' | 'county'; code: string; name: string }) {
  const { t } = useTranslation();
  const agreements = useQuery({
    queryKey: ['public-agreements', level, code],
    queryFn: () => api.getPublicAgreements({ query: { ...(level === 'municipality' ? { municipality: code } : { county: code }), adoption: 'true' } }),
  });
  return (
    <section className="section" aria-labelledby="area-agreements-heading" data-testid="area-agreements">
      <h2 id="area-agreements-heading">{t('agreements.area.heading')}</h2>
      <p>{t('agreements.area.lead', { name })}</p>
      {agreements.isPending ? (
        <Loading />
      ) : agreements.isError ? (
        <QueryError error={agreements.error} />
      ) : agreements.data.length === 0 ? (
        <p className="empty">{t('agreements.area.none')}</p>
      ) : (
        <ul className="cards">
          {agreements.data.map((a) => (
            <li key={a.id} className="card" data-testid="area-agreement">
              <h3 className="card__title">
                <Link to={a.inForceVersion === null ? `/agreements/${a.id}` : `/agreements/${a.id}/public`}>{a.title}</Link>
              </h3>
              <p className="tags">
                <span className="tag">{enumLabel(t, 'agreementStatus', a.status)}</span>
              </p>
              <p>
                {t('agreements.area.space')}: <Link to={`/spaces/${a.spaceId}`}>{a.spaceName}</Link>
              </p>
              <p>
                {a.inForceSince ? t('agreements.inForceSince', { date: formatDate(a.inForceSince) }) : t('agreements.area.notInForce')} <AdoptionProgress agreement={a} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCounties, useMunicipalityIndex } from '../api/hooks.ts';
import { sortBy } from '../api/format.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The text alternative to the map: the highlighted municipalities by name, with their county. */
export function MunicipalityList({
  codes,
  caption,
  extra,
}: {
  codes: string[];
  caption: string;
  extra?: (code: string) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const index = useMunicipalityIndex();
  const { data: counties } = useCounties();
  const countyName = new Map((counties ?? []).map((c) => [c.code, c.name]));
  const rows = sortBy(
    [...new Set(codes)].map((code) => {
      const m = index.get(code);
      return { code, name: m?.name ?? code, countyCode: m?.countyCode ?? '', county: m ? (countyName.get(m.countyCode) ?? '') : '' };
    }),
    (r) => r.name,
  );
  if (rows.length === 0) return <p className="empty">{t('map.noMunicipalities')}</p>;
  return (
    <ScrollRegion label={caption}>
      <table className="table table--compact" data-testid="municipality-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.municipality')}</th>
            <th scope="col">{t('map.county')}</th>
            {extra && <th scope="col">{t('map.spaces')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-municipality-code={r.code}>
              {/* Each municipality and county has its own page: what goes on there across all spaces. */}
              <th scope="row">
                <Link to={`/municipalities/${r.code}/dashboard`}>{r.name}</Link>
              </th>
              {/* A link only once the county's name has come: an empty link says nothing to a screen reader. */}
              <td>{r.countyCode && r.county ? <Link to={`/counties/${r.countyCode}/dashboard`}>{r.county}</Link> : r.county}</td>
              {extra && <td>{extra(r.code)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

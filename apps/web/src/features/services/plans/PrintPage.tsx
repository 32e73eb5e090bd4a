import type { PlanDocumentBody } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading } from '../../../components/fields.tsx';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import { usePlanDocument } from './api.ts';
import './plans.css';

/** The print view: the same document the DOCX and PDF are made from, laid out for paper. */
export function PrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const raw = params.get('version');
  const version = raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
  const doc = usePlanDocument(id, version);
  usePageTitle(doc.data ? doc.data.title : t('servicePlans.print.title'));
  if (doc.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePlans.print.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (doc.isError) {
    if (isApiError(doc.error) && (doc.error.status === 404 || doc.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={doc.error} />;
  }
  return (
    <div className="container print-view">
      <div className="print-view__tools no-print">
        <Link to={`/service-plans/${id}`}>{t('servicePlans.print.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('servicePlans.print.print')}
        </button>
      </div>
      <PlanDocumentView doc={doc.data} />
    </div>
  );
}

function svgSource(svg: string) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function PlanDocumentView({ doc }: { doc: PlanDocumentBody }) {
  return (
    <article className="plan-document" lang={doc.language === 'en' ? 'en' : 'sv'} data-testid="plan-document">
      <h1>{doc.title}</h1>
      <p className="lead">{doc.subtitle}</p>
      <dl className="facts plan-document__meta">
        {doc.meta.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {doc.blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return block.level === 2 ? <h2 key={i}>{block.text}</h2> : <h3 key={i}>{block.text}</h3>;
          case 'paragraph':
            return (
              <p key={i} className={block.muted ? 'muted' : undefined}>
                {block.text}
              </p>
            );
          case 'list':
            return block.numbered ? (
              <ol key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ol>
            ) : (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          case 'table': {
            const numeric = new Set(block.numeric ?? []);
            return (
              <ScrollRegion key={i} label={block.caption}>
                <table className="table table--compact" data-testid={block.testId ? `document-${block.testId}` : undefined}>
                  <caption>{block.caption}</caption>
                  <thead>
                    <tr>
                      {block.headers.map((h, j) => (
                        <th key={j} scope="col" className={numeric.has(j) ? 'numeric' : undefined}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((value, j) =>
                          j === 0 ? (
                            <th key={j} scope="row">
                              {value}
                            </th>
                          ) : (
                            <td key={j} className={numeric.has(j) ? 'numeric' : undefined}>
                              {value}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            );
          }
          case 'figure':
            return (
              <figure key={i} className="plan-document__figure">
                <img src={svgSource(block.svg)} alt={block.alt} width={block.width} height={block.height} />
                <figcaption>{block.caption}</figcaption>
              </figure>
            );
        }
      })}
    </article>
  );
}

import type { PlanContent } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../../components/ExternalLink.tsx';

/** The plan's background in paragraphs and the plans and programmes it links to. */
export function BackgroundView({ content }: { content: PlanContent }) {
  const { t } = useTranslation();
  return (
    <>
      {content.background ? content.background.split(/\n\s*\n/).map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('servicePlans.view.noBackground')}</p>}
      {content.links.length > 0 && (
        <ul>
          {content.links.map((l, i) => (
            <li key={i}>
              {l.url ? <ExternalLink href={l.url}>{l.title}</ExternalLink> : l.title}
              {l.note && ` – ${l.note}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

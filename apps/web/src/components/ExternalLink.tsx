import { isWebUrl } from '@samhandling/contracts';
import type { ReactNode } from 'react';

/**
 * A link to an address someone stored (an organisation's website, a plan's link, an online
 * meeting). Only http(s) becomes a link; anything else (`javascript:`, `data:` stored before the
 * server refused them) is shown as plain text, never as something to click.
 */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  if (!isWebUrl(href)) return <span data-testid="unsafe-link">{children ?? href}</span>;
  return (
    <a href={href} rel="noopener noreferrer">
      {children ?? href}
    </a>
  );
}

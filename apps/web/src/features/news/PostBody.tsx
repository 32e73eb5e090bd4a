import { isWebUrl } from '@samhandling/contracts';
import type { ReactNode } from 'react';

/** Splits a line into text and http(s) links; everything is rendered as text by React, never as HTML. */
function withLinks(line: string): ReactNode[] {
  const parts = line.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts.map((part, i) =>
    i % 2 === 1 && isWebUrl(part.replace(/[.,;:!?)]+$/, '')) ? (
      <a key={i} href={part.replace(/[.,;:!?)]+$/, '')} rel="noopener noreferrer nofollow">
        {part.replace(/[.,;:!?)]+$/, '')}
      </a>
    ) : (
      part
    ),
  );
}

/**
 * A post's text, "Markdown-lite": paragraphs separated by a blank line, lines starting with "- "
 * as a list, http(s) addresses as links. No HTML from the text is ever interpreted.
 */
export function PostBody({ body }: { body: string }) {
  const blocks = body.split(/\n\s*\n/).filter((b) => b.trim() !== '');
  return (
    <div className="post-body">
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((l) => l.trimStart().startsWith('- '))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{withLinks(l.trimStart().slice(2))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i}>
            {lines.map((l, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {withLinks(l)}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}

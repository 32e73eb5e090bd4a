import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/**
 * A wrapper that scrolls its content sideways (or down) when it does not fit, e.g. a wide table
 * on a phone. Only when it actually scrolls does it become a named, focusable region, so keyboard
 * users can scroll it without meeting an extra tab stop for every table that fits.
 */
export function ScrollRegion({ label, className = 'table-wrap', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  // A layout effect, so the first paint already has the region when the content overflows.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const overflows = () => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    setScrolls(overflows());
    // Committed before the frame is painted: no frame shows a table that overflows without its region.
    const resized = new ResizeObserver(() => {
      const now = overflows();
      flushSync(() => setScrolls(now));
    });
    resized.observe(el);
    for (const child of Array.from(el.children)) resized.observe(child);
    // Content that replaces the table (a list loaded later, a filter's result) is watched as well.
    const replaced = new MutationObserver((records) => {
      for (const record of records) for (const node of Array.from(record.addedNodes)) if (node instanceof Element) resized.observe(node);
    });
    replaced.observe(el, { childList: true });
    return () => {
      resized.disconnect();
      replaced.disconnect();
    };
  }, []);
  return (
    <div ref={ref} className={className} {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}

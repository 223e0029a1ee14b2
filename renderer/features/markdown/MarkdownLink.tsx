import type { MouseEvent, ReactNode } from 'react';
import { useMarkdownContext } from './markdownContext';
import { safeLinkUrl } from './safeUrl';

interface MarkdownLinkProps {
  href?: string;
  title?: string;
  children?: ReactNode;
}

/**
 * A link from model output. http, https and mailto open in the system browser through main and
 * never navigate the window; anything else (javascript:, data:, relative…) is shown as plain text.
 */
export function MarkdownLink({ href, title, children }: MarkdownLinkProps) {
  const { openLink } = useMarkdownContext();
  const url = href === undefined ? null : safeLinkUrl(href);
  if (url === null) return <span className="md-link-inert">{children}</span>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    openLink(url);
  };
  return (
    <a href={url} title={title ?? url} rel="noreferrer noopener" onClick={onClick}>
      {children}
    </a>
  );
}

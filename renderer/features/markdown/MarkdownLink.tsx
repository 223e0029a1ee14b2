import type { MouseEvent, ReactNode } from 'react';
import { Children, isValidElement, useState } from 'react';
import { safeLinkTarget } from '../../../shared/linkTarget';
import { LinkConfirmation } from './LinkConfirmation';
import { realDestination, spoofedHost } from './linkSpoofing';
import { useMarkdownContext } from './markdownContext';

interface MarkdownLinkProps {
  href?: string;
  title?: string;
  children?: ReactNode;
}

/** The text a person reads in the link (code spans and emphasis included). */
function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) => (typeof child === 'string' || typeof child === 'number' ? String(child) : isValidElement<{ children?: ReactNode }>(child) ? textOf(child.props.children) : ''))
    .join('');
}

/**
 * A link from model output. http, https and mailto open in the system browser (or mail client)
 * through main and never navigate the window; anything else (javascript:, data:, relative…) is
 * shown as plain text. The tooltip always shows where the link goes, never the model's title
 * alone; a link whose text or title names another host says so beside it and asks before opening.
 */
export function MarkdownLink({ href, title, children }: MarkdownLinkProps) {
  const { openLink } = useMarkdownContext();
  const [confirming, setConfirming] = useState(false);
  const url = href === undefined ? null : safeLinkTarget(href);
  if (url === null) return <span className="md-link-inert">{children}</span>;
  const destination = realDestination(url);
  const claimed = spoofedHost(url, textOf(children), title);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (claimed === null) openLink(url);
    else setConfirming(true);
  };
  const tooltip = claimed !== null ? `Opens ${destination}, not ${claimed}\n${url}` : title ? `${title}\n${url}` : url;
  return (
    <>
      <a href={url} title={tooltip} rel="noreferrer noopener" onClick={onClick}>
        {children}
      </a>
      {claimed !== null && <span className="md-link-real-host"> (opens {destination})</span>}
      {confirming && (
        <LinkConfirmation
          url={url}
          destination={destination}
          claimed={claimed ?? ''}
          onOpen={() => {
            setConfirming(false);
            openLink(url);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}

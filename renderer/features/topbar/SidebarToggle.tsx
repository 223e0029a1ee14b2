import type { Ref } from 'react';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';

interface SidebarToggleProps {
  expanded: boolean;
  onToggle: () => void;
  ref?: Ref<HTMLButtonElement>;
  placement?: 'above' | 'below';
}

/** Shows or hides the sidebar (Ctrl/Cmd+B); drawn in the sidebar's head and, while it is hidden, in the top bar. */
export function SidebarToggle({ expanded, onToggle, ref, placement = 'below' }: SidebarToggleProps) {
  return (
    <IconButton
      ref={ref}
      className="sidebar-toggle"
      label={expanded ? 'Hide sidebar' : 'Show sidebar'}
      icon={Icons.sidebar}
      shortcut={{ key: 'B' }}
      placement={placement}
      aria-expanded={expanded}
      onClick={onToggle}
    />
  );
}

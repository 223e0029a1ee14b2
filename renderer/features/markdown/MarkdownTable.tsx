import type { ComponentPropsWithoutRef } from 'react';

/**
 * A table in a box that scrolls sideways: a wide table keeps its words whole and scrolls instead
 * of breaking "1,440" into "1,44 / 0". Focusable, so the keyboard can scroll it too.
 */
export function MarkdownTable(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="md-table" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

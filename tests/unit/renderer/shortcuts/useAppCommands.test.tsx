// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { useAppCommands } from '../../../../renderer/features/shortcuts/useAppCommands';
import { busyRender, onceShown } from '../support/busyCommit';
import { outsideAct } from '../support/outsideAct';
import { ScriptedParley } from '../support/scriptedParley';

afterEach(cleanup);

/** Steps a page on with Ctrl+], the step coming back later, as opening a conversation from main does. */
function Pages({ api }: { api: ScriptedParley['client'] }) {
  const [page, setPage] = useState(1);
  useAppCommands(api, (command) => {
    if (command === 'next-conversation') void Promise.resolve(page + 1).then(setPage);
  });
  busyRender();
  return <h1>Page {page}</h1>;
}

const next = () => fireEvent.keyDown(window, { key: ']', ctrlKey: true });

it('a key pressed as soon as a slow render shows is handled by that render, not the one before', () =>
  outsideAct(async () => {
    render(<Pages api={new ScriptedParley().client} />);
    const heading = await screen.findByRole('heading', { name: 'Page 1' });
    // The second press comes the moment page 2 is on screen, as a held key's repeat can.
    onceShown(heading, 'Page 2', next);
    next();
    await waitFor(() => expect(heading.textContent).toBe('Page 3'));
  }));

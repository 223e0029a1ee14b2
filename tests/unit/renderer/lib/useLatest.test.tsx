// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useCallback, useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { useLatest } from '../../../../renderer/lib/useLatest';
import { busyRender, onceShown } from '../support/busyCommit';
import { outsideAct } from '../support/outsideAct';

afterEach(cleanup);

it('a stable callback reads what the committed render shows, even before its passive effects', () =>
  outsideAct(async () => {
    const read: string[] = [];
    const handles: { readNow?: () => void; show?: (text: string) => void } = {};
    function Shown() {
      const [text, setText] = useState('first');
      const latest = useLatest(text);
      handles.readNow = useCallback(() => read.push(latest.current), [latest]);
      handles.show = setText;
      busyRender();
      return <p>{text}</p>;
    }
    render(<Shown />);
    const shown = await screen.findByText('first');
    onceShown(shown, 'second', () => handles.readNow?.());
    // From a resolved promise, as main's answers come: React renders it in a task of its own.
    void Promise.resolve('second').then(handles.show);
    await waitFor(() => expect(read).toEqual(['second']));
  }));

// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../../renderer/features/chat/Composer';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

afterEach(cleanup);

function showComposer(onEditLast: () => string | null) {
  const onSend = vi.fn();
  renderWith(new ScriptedParley(), <Composer hasModel model="fake/echo" streaming={false} onSend={onSend} onStop={() => {}} onEditLast={onEditLast} />);
  return { onSend, box: screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement, user: userEvent.setup() };
}

describe('Composer: Up edits the last message', () => {
  it('puts the last message back into an empty composer, to change and send again', async () => {
    const { box, user, onSend } = showComposer(() => 'What is a monad?');
    await user.click(box);
    await user.keyboard('{ArrowUp}');
    expect(box.value).toBe('What is a monad?');
    await user.type(box, ' In one line.{Enter}');
    expect(onSend).toHaveBeenCalledWith('What is a monad? In one line.', []);
  });

  it('leaves a draft alone: Up moves through it as usual', async () => {
    const onEditLast = vi.fn(() => 'older');
    const { box, user } = showComposer(onEditLast);
    await user.type(box, 'my draft{ArrowUp}');
    expect(onEditLast).not.toHaveBeenCalled();
    expect(box.value).toBe('my draft');
  });

  it('leaves the composer empty when the edit happens elsewhere or there is nothing to edit', async () => {
    const onEditLast = vi.fn(() => null);
    const { box, user } = showComposer(onEditLast);
    await user.click(box);
    await user.keyboard('{ArrowUp}');
    expect(onEditLast).toHaveBeenCalledOnce();
    expect(box.value).toBe('');
  });
});

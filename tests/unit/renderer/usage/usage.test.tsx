// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

async function openUsage() {
  renderWith(api);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Usage' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Usage' }) };
}

const tileOf = (tile: HTMLElement) => within(tile).getAllByRole('definition').map((value) => value.textContent);
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));

describe('Usage', () => {
  it('adds up this week, this month and each model from main’s report, and links to the W&B project', async () => {
    api.settings = { ...api.settings, project: 'acme/chat' };
    const week = { answers: 3, promptTokens: 1200, completionTokens: 800, cost: 0.0042, unpricedAnswers: 1 };
    api.usage = {
      thisWeek: week,
      thisMonth: { answers: 10, promptTokens: 5000, completionTokens: 4000, cost: 1.27, unpricedAnswers: 0 },
      byModel: [{ model: 'Qwen/Qwen3-235B-A22B', answers: 10, promptTokens: 5000, completionTokens: 4000, cost: null, unpricedAnswers: 10 }],
    };
    const { user, dialog } = await openUsage();

    // A tile per period: cost, answers, tokens in, tokens out.
    expect(tileOf(await within(dialog).findByRole('region', { name: 'This week' }))).toEqual(['at least $0.0042', '3', (1200).toLocaleString(), '800']);
    expect(tileOf(within(dialog).getByRole('region', { name: 'This month' }))).toEqual(['$1.27', '10', (5000).toLocaleString(), (4000).toLocaleString()]);
    expect(rowsOf(within(dialog).getByRole('table', { name: 'By model, all saved answers' }))).toEqual([
      ['Qwen/Qwen3-235B-A22B', '10', (5000).toLocaleString(), (4000).toLocaleString(), 'Not known'],
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Open acme/chat on wandb.ai' }));
    expect(api.callsTo('openLink')).toEqual([[{ url: 'https://wandb.ai/acme/chat' }]]);
  });

  it('says where W&B counts usage without a team/project, and that nothing was counted yet', async () => {
    const { dialog } = await openUsage();
    expect(await within(dialog).findByText('No answers with token counts yet.')).toBeTruthy();
    expect(dialog.textContent).toContain('No team/project is set in Settings');
  });

  it('says so when the usage cannot be read', async () => {
    api.failNext('usageReport', { code: 'internal', message: 'The history could not be read.' });
    const { dialog } = await openUsage();
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Could not read the usage: The history could not be read.');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveConversationListHeight } from '../support/listLayout';
import { renderWith, ScriptedParley } from '../support/scriptedParley';
import { directoryEntry, fileEntry } from './fakeEntries';
import { settingsDialog } from '../support/windowParts';

let api: ScriptedParley;

giveConversationListHeight();

beforeEach(() => {
  api = new ScriptedParley();
  api.history.seed({ title: 'Trip to Lisbon' });
  api.importReport = {
    imported: [
      { id: crypto.randomUUID(), title: 'Sourdough starter' },
      { id: crypto.randomUUID(), title: 'Rust lifetimes' },
    ],
    skipped: [{ source: 'backup.json', reason: 'conversation "Trip to Lisbon" is already here' }],
  };
});
afterEach(cleanup);

async function openApp() {
  renderWith(api);
  await screen.findByRole('button', { name: 'Trip to Lisbon' });
  return userEvent.setup();
}

const dialog = () => screen.getByRole('dialog', { name: 'Import conversations' });
const list = () => screen.getByRole('list', { name: 'Conversations' });

/** A drag from the desktop as jsdom can carry it: a plain object in place of a DataTransfer. */
const files = (items: unknown[], fileList: File[] = []) => ({ dataTransfer: { types: ['Files'], items, files: fileList } });

describe('the Import dialog', () => {
  it('imports the chosen files with the chosen duplicates rule, reports on each, and lists the new conversations', async () => {
    const user = await openApp();
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Import' }));
    expect(within(dialog()).getByText('A Parley backup (.json)')).toBeTruthy();
    const skip = within(dialog()).getByRole('radio', { name: 'Skip it' });
    expect(skip).toHaveProperty('checked', true);
    expect(within(dialog()).getByRole('radiogroup', { name: 'If a conversation is already here' }).contains(skip)).toBe(true);
    await user.click(within(dialog()).getByRole('radio', { name: 'Replace it' }));

    await user.upload(within(dialog()).getByLabelText('Files to import'), [
      new File(['# Sourdough starter\n'], 'Sourdough starter.md', { type: 'text/markdown' }),
      new File(['{"schemaVersion":1}'], 'backup.json', { type: 'application/json' }),
    ]);

    await within(dialog()).findByRole('heading', { name: 'Imported 2 conversations' });
    expect(api.callsTo('importFiles')).toEqual([
      [
        {
          files: [
            { name: 'Sourdough starter.md', content: '# Sourdough starter\n' },
            { name: 'backup.json', content: '{"schemaVersion":1}' },
          ],
          duplicates: 'replace',
        },
      ],
    ]);
    const imported = within(dialog()).getByRole('region', { name: 'Imported 2 conversations' });
    expect(within(imported).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Sourdough starter', 'Rust lifetimes']);
    const skipped = within(dialog()).getByRole('region', { name: 'Skipped 1' });
    expect(within(skipped).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['backup.json: conversation "Trip to Lisbon" is already here']);
    // The sidebar shows what came in.
    expect(await within(list()).findByRole('button', { name: 'Rust lifetimes' })).toBeTruthy();
  });

  it('skips files that are not Markdown or JSON before sending the rest of a chosen folder', async () => {
    const user = await openApp();
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Import' }));
    const inFolder = (content: string, path: string) => {
      const file = new File([content], path.split('/').at(-1) ?? path);
      Object.defineProperty(file, 'webkitRelativePath', { value: path });
      return file;
    };
    const folderInput = within(dialog()).getByLabelText('Folder to import');
    expect(folderInput.hasAttribute('webkitdirectory')).toBe(true);

    await user.upload(folderInput, [inFolder('# A', 'exports/A.md'), inFolder('junk', 'exports/.DS_Store')]);

    const skipped = await within(dialog()).findByRole('region', { name: 'Skipped 2' });
    expect(api.callsTo('importFiles')).toEqual([[{ files: [{ name: 'exports/A.md', content: '# A' }], duplicates: 'skip' }]]);
    expect(within(skipped).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'exports/.DS_Store: not a Markdown or JSON file',
      'backup.json: conversation "Trip to Lisbon" is already here',
    ]);
  });

  it('sends a ChatGPT export to main in pieces, never as one text, and shows what each conversation left out', async () => {
    api.importReport = {
      imported: [{ id: crypto.randomUUID(), title: 'Paris trip', notes: ['1 generated image was not imported: conversations.json does not hold it.'] }],
      skipped: [],
    };
    const user = await openApp();
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Import' }));
    const text = `[${'{"title": "Paris trip", "mapping": {}},'.repeat(30)}{}]`;
    await user.upload(within(dialog()).getByLabelText('Files to import'), [new File([text], 'conversations.json', { type: 'application/json' })]);

    // "Importing…" first, while the pieces go to main.
    await waitFor(() => expect(within(dialog()).getByRole('status')).toHaveProperty('textContent', 'Import finished: 1 imported (1 with parts left out), 0 skipped.'));
    expect(api.callsTo('importFiles')).toEqual([]);
    expect(api.callsTo('beginImport')).toEqual([[{ name: 'conversations.json', duplicates: 'skip' }]]);
    expect(api.callsTo('importChunk').map(([request]) => atob((request as { data: string }).data)).join('')).toBe(text);
    expect(api.callsTo('finishImport')).toHaveLength(1);
    const imported = within(dialog()).getByRole('region', { name: 'Imported 1 conversation' });
    expect(within(imported).getByRole('list', { name: 'Left out of Paris trip' }).textContent).toBe('1 generated image was not imported: conversations.json does not hold it.');
  });

  it('says that nothing was imported when main refuses the files', async () => {
    const user = await openApp();
    api.failNext('importFiles', { code: 'invalid-request', message: 'the files are too large for one import' });
    await user.click(settingsDialog('Data').getByRole('button', { name: 'Import' }));
    await user.upload(within(dialog()).getByLabelText('Files to import'), [new File(['{}'], 'conversations.json')]);

    expect((await within(dialog()).findByRole('alert')).textContent).toBe('Nothing was imported: the files are too large for one import');
    expect(within(dialog()).queryByRole('region')).toBeNull();
  });
});

describe('dropping files on the window', () => {
  it('shows "Drop to import" while files are dragged over, then imports a dropped folder and reports in the dialog', async () => {
    await openApp();
    fireEvent.dragEnter(document.body, files([]));
    expect(screen.getByText('Drop to import').closest('[role="status"]')).toBeTruthy();

    const folder = directoryEntry('exports', [fileEntry('exports/Sourdough starter.md', '# S'), fileEntry('exports/notes.txt', 'n')]);
    fireEvent.drop(document.body, files([{ kind: 'file', webkitGetAsEntry: () => folder }]));

    expect(screen.queryByText('Drop to import')).toBeNull();
    await within(dialog()).findByRole('heading', { name: 'Imported 2 conversations' });
    expect(api.callsTo('importFiles')).toEqual([[{ files: [{ name: 'exports/Sourdough starter.md', content: '# S' }], duplicates: 'skip' }]]);
    expect(within(dialog()).getByText('exports/notes.txt')).toBeTruthy();
  });

  it('uses the plain file list when the items have no entries', async () => {
    await openApp();
    fireEvent.drop(document.body, files([{ kind: 'file' }], [new File(['# X'], 'x.md')]));
    await waitFor(() => expect(api.callsTo('importFiles')).toEqual([[{ files: [{ name: 'x.md', content: '# X' }], duplicates: 'skip' }]]));
  });

  it('leaves drags without files (a text selection) alone', async () => {
    await openApp();
    const text = { dataTransfer: { types: ['text/plain'], items: [{ kind: 'string' }], files: [] } };
    fireEvent.dragEnter(document.body, text);
    expect(screen.queryByText('Drop to import')).toBeNull();
    expect(fireEvent.drop(document.body, text)).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

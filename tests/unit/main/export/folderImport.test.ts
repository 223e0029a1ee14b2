import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportConversations } from '../../../../main/export/folderExport';
import { importMarkdownFolder, importMarkdownPaths } from '../../../../main/export/folderImport';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { sampleConversation } from './sample';
import { useTempFolders } from './tempFolder';

const tempFolder = useTempFolders();

describe('importMarkdownFolder', () => {
  it('brings back an exported folder exactly, subfolders included', async () => {
    const folder = tempFolder();
    const conversations = [sampleConversation({ id: 'a', title: 'One' }), sampleConversation({ id: 'b', title: 'Two', pinned: true })];
    await exportConversations({ conversations: conversations.slice(0, 1), folder, timeZone: 'UTC' });
    await exportConversations({ conversations: conversations.slice(1), folder: join(folder, 'archive'), timeZone: 'UTC' });
    const { conversations: back, report } = await importMarkdownFolder(folder);
    expect(back).toEqual(conversations);
    expect(report).toEqual({ imported: [{ id: 'a', title: 'One' }, { id: 'b', title: 'Two' }], skipped: [] });
  });

  it('reports bad, partial, foreign and duplicate files, and imports the rest', async () => {
    const folder = tempFolder();
    const good = conversationToMarkdown(sampleConversation({ id: 'good' }));
    writeFileSync(join(folder, 'a good.md'), good);
    writeFileSync(join(folder, 'b copy.md'), good);
    writeFileSync(join(folder, 'c note.md'), '# Shopping\n\n- milk\n');
    writeFileSync(join(folder, 'd cut.md'), good.slice(0, good.indexOf('<!-- /parley:2 -->')));
    writeFileSync(join(folder, 'e picture.png'), 'not markdown');
    mkdirSync(join(folder, '.obsidian'));
    writeFileSync(join(folder, '.obsidian', 'workspace.md'), 'hidden');
    const { conversations, report } = await importMarkdownFolder(folder);
    expect(conversations.map((c) => c.id)).toEqual(['good']);
    expect(report.skipped).toEqual([
      { source: join(folder, 'b copy.md'), reason: `the same conversation as ${join(folder, 'a good.md')}, which is imported.` },
      { source: join(folder, 'c note.md'), reason: 'Line 1: this is not a Parley export: it does not start with front matter (---).' },
      { source: join(folder, 'd cut.md'), reason: expect.stringMatching(/^Line \d+: the text that starts here never ends; the file may be cut short\.$/) },
    ]);
  });

  it('takes single files and reports paths that do not exist', async () => {
    const folder = tempFolder();
    const file = join(folder, 'chat.markdown');
    writeFileSync(file, conversationToMarkdown(sampleConversation()));
    const { conversations, report } = await importMarkdownPaths([file, join(folder, 'missing.md')]);
    expect(conversations).toHaveLength(1);
    expect(report.skipped).toEqual([{ source: join(folder, 'missing.md'), reason: expect.stringMatching(/^could not be read: ENOENT/) }]);
  });
});

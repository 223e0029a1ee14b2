import { describe, expect, it } from 'vitest';
import { functionNames } from '../../../../main/tools/functionNames';

describe('function names offered to the model', () => {
  it('are valid OpenAI function names, unique, and lead back to their server and tool', () => {
    const tools = [
      { serverName: 'GitHub', tool: 'search' },
      { serverName: 'Files (work)', tool: 'search' },
      { serverName: 'Files (work)', tool: 'search' },
      { serverName: 'Ünïcødé 服务器', tool: 'list.directory/with spaces' },
      { serverName: 'A'.repeat(80), tool: 'b'.repeat(80) },
    ];
    const table = functionNames(tools);
    expect([...table.keys()]).toEqual([
      'GitHub__search',
      'Files_work__search',
      'Files_work__search_2',
      'n_c_d__list_directory_with_spaces',
      `${'A'.repeat(20)}__${'b'.repeat(42)}`,
    ]);
    for (const name of table.keys()) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect([...table.values()]).toEqual(tools);
  });
});

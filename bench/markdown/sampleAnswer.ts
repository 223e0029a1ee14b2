/** A long answer of the kind models write: headings, prose, lists, code, tables, math and quotes, repeated with variation. */
export function sampleAnswer(length: number): string {
  const sections: string[] = [];
  for (let n = 1; sections.join('').length < length; n++) {
    sections.push(`## Step ${n}: handling the ${n % 2 ? 'request' : 'response'}

The service reads the **stream** chunk by chunk and keeps the *state* of each message in one place; see [the docs](https://example.com/docs/${n}) and \`parseChunk()\` for details. It costs $O(n \\log n)$ in the worst case, and usually \\(O(n)\\).

- Validate the payload with a schema before use
- Keep the ~~old~~ new format for item ${n}
- [x] Written a test for it

\`\`\`ts
export function step${n}(input: string): number {
  // Count the words in the input, ignoring empty runs.
  return input.split(/\\s+/).filter(Boolean).length * ${n};
}
\`\`\`

| Option | Default | Meaning |
| --- | ---: | --- |
| retries | ${n} | how often to try again |
| timeout | ${n * 100} ms | when to give up |

$$
\\sum_{k=1}^{${n}} k = \\frac{${n}(${n}+1)}{2}
$$

> Note: step ${n} is idempotent, so running it twice is safe.

`);
  }
  return sections.join('');
}

/** One long numbered list of the kind models write (steps with a bold lead, code, links, now and then a nested point), as one block. */
export function listAnswer(length: number): string {
  const items: string[] = [];
  for (let n = 1; items.join('').length < length; n++) {
    const nested = n % 5 === 0 ? `\n   - check that \`step${n}\` returned **${n}**\n   - log it with [the helper](https://example.com/log/${n})` : '';
    items.push(`${n}. **Step ${n}**: configure the \`client\` with the ${n % 2 ? 'key' : 'project'}, then call [the API](https://example.com/api/${n}) and keep the result.${nested}\n`);
  }
  return items.join('');
}

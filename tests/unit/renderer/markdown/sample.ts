/** The mixed answer the Markdown tests render: table, code, math, list, quote, link, image, Unicode. */
export const MIXED_SAMPLE = `# Résumé of the results 🚀

Here is **bold**, *italic*, ~~struck~~ and \`inline code\`, plus Euler: $e^{i\\pi} + 1 = 0$ and \\(a^2 + b^2\\).

| Model | Score | Notes |
| :--- | ---: | :---: |
| Llama | 92.5 | 東京 |
| Qwen | 88 | naïve |

\`\`\`ts
const answer: number = 42;
console.log(answer);
\`\`\`

$$
\\int_0^1 x^2 \\, dx = \\frac{1}{3}
$$

\\[
\\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6}
\\]

- [x] done item
- [ ] open item
- plain item

1. first
2. second

> A quote with a [link](https://example.com/docs) and https://wandb.ai autolinked.

![A chart](https://images.example.com/chart.png)
`;

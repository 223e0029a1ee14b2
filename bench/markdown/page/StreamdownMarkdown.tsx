import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { defaultRehypePlugins, defaultRemarkPlugins, Streamdown } from 'streamdown';

// Streamdown as a careful app would use it: its sanitize and harden steps, not raw HTML (DESIGN.md),
// plus the same math as the others. Code stays plain: its highlighter is a separate plugin.
const remarkPlugins = [...Object.values(defaultRemarkPlugins), remarkMath];
const rehypePlugins = [defaultRehypePlugins.sanitize, defaultRehypePlugins.harden, rehypeKatex].filter((plugin) => plugin !== undefined);

/** A baseline: streamdown rendering the whole text. */
export function StreamdownMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <div className="md">
      <Streamdown mode={streaming ? 'streaming' : 'static'} remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
        {text}
      </Streamdown>
    </div>
  );
}

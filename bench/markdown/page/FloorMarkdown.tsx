import { memo } from 'react';

const Paragraph = memo(function Paragraph({ text }: { text: string }) {
  return <p>{text}</p>;
});

/**
 * The floor: no Markdown at all, the text as plain paragraphs, each kept while it does not change, so
 * a chunk costs what appending it to the last paragraph costs in React and in the browser. No
 * renderer of the same text can do less.
 */
export function FloorMarkdown({ text }: { text: string }) {
  return (
    <div className="md">
      {text.split('\n\n').map((paragraph, index) => (
        <Paragraph key={index} text={paragraph} />
      ))}
    </div>
  );
}

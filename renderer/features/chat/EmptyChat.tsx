import { useId, type MouseEvent } from 'react';
import { Icons, type Icon } from '../../ui/icons';

/** A starter card: what it helps with, and the prompt it puts in the composer. */
interface Starter {
  icon: Icon;
  title: string;
  example: string;
  /** What goes into the composer; the card shows `example`. */
  prompt: string;
}

const STARTERS: readonly Starter[] = [
  { icon: Icons.explain, title: 'Explain a concept', example: '“Explain attention in transformers simply”', prompt: 'Explain attention in transformers simply.' },
  { icon: Icons.code, title: 'Write or fix code', example: '“A regex that matches ISO 8601 dates”', prompt: 'Write a regex that matches ISO 8601 dates.' },
  { icon: Icons.file, title: 'Summarise a file', example: 'A CSV, Markdown or code file of yours', prompt: 'Summarise the attached file in five bullet points.' },
  { icon: Icons.plan, title: 'Plan something', example: '“Three relaxed days in Lisbon with a child”', prompt: 'Plan three relaxed days in Lisbon with a seven-year-old.' },
];

/** A one-line pointer to a feature a new chat may want: its name is a link, the rest says what it does. */
interface Pointer {
  icon: Icon;
  name: string;
  rest: string;
  onOpen?: () => void;
}

interface EmptyChatExtrasProps {
  /** Puts a starter's prompt in the composer (never sends). */
  onStarter: (prompt: string) => void;
  onCompare?: () => void;
  onPrompts?: () => void;
  onImport?: () => void;
}

const follow = (open: () => void) => (event: MouseEvent) => {
  event.preventDefault();
  open();
};

/**
 * A new chat's start is the headline, the composer centred (the same composer, placed by the
 * thread's grid, so nothing in it is lost when it docks), then these: four starter cards that
 * fill the composer, and one line each for Compare, Prompts and Import. On the first send the
 * composer docks at the bottom and these go.
 */
export function EmptyChatHeadline() {
  return <h2 className="empty-chat-headline">What are we working on?</h2>;
}

export function EmptyChatExtras({ onStarter, onCompare, onPrompts, onImport }: EmptyChatExtrasProps) {
  const id = useId();
  const pointers: Pointer[] = [
    { icon: Icons.compare, name: 'Compare', rest: 'one question across up to four models', onOpen: onCompare },
    { icon: Icons.prompts, name: 'Prompts', rest: 'keeps your system prompts for reuse', onOpen: onPrompts },
    { icon: Icons.import, name: 'Import', rest: 'conversations from ChatGPT or another Parley', onOpen: onImport },
  ];
  return (
    <div className="empty-chat-extras">
      <ul className="starters" aria-label="Starters">
        {STARTERS.map(({ icon: StarterIcon, title, example, prompt }, index) => (
          <li key={title}>
            {/* Named by its title alone (the example describes it), so no other control's name is shadowed. */}
            <button type="button" className="starter" aria-label={title} aria-describedby={`${id}-${index}`} onClick={() => onStarter(prompt)}>
              <StarterIcon className="starter-icon" aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
              <span className="starter-title">{title}</span>
              <span className="starter-example" id={`${id}-${index}`}>
                {example}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ul className="pointers">
        {pointers.map(
          ({ icon: PointerIcon, name, rest, onOpen }) =>
            onOpen && (
              <li key={name}>
                <PointerIcon aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
                {/* Links, not buttons: the composer's Compare and the sidebar's Import keep their button names to themselves. */}
                <a href={`#${name.toLowerCase()}`} onClick={follow(onOpen)}>
                  {name}
                </a>
                <span>{rest}</span>
              </li>
            ),
        )}
      </ul>
    </div>
  );
}

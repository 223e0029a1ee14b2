import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChatResult, ModelList, StoredConversation } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { toAppError } from '../../lib/errors';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import type { Conversation } from '../chat/conversationReducer';
import { columnBadges } from './columnBadges';
import { CompareColumn } from './CompareColumn';
import { comparisonRequests, comparisonToSave } from './comparisonRequest';
import { canUse } from './compareRun';
import { DiscardComparison } from './DiscardComparison';
import { ModelChoices } from './ModelChoices';
import { cannotSend, initialModels } from './modelChoices';
import { useComparison } from './useComparison';
import './compare.css';
import { LongText } from '../../lib/LongText';

interface CompareViewProps {
  /** The conversation Compare continues, as it was when Compare opened. */
  conversation: Conversation;
  /** The composer's draft, the prompt to start from. */
  initialPrompt: string;
  /** Main saved the chosen answer as the conversation's next turn. */
  onSaved: (conversation: StoredConversation, chosen: ChatResult) => void;
  /** Closed without choosing; `prompt` goes back to the message box. */
  onClose: (prompt: string) => void;
}

/**
 * Compare, in the window where the thread was: one prompt to two to four models at once, their
 * answers streaming side by side, and the one to go on with chosen ("Continue with this"); main
 * keeps the others as its earlier versions. Leaving with answers on screen asks first, and the
 * prompt always goes back to the message box.
 */
export function CompareView({ conversation: opened, initialPrompt, onSaved, onClose }: CompareViewProps) {
  const api = useParley();
  // Kept as opened: the answers belong to that conversation even if the window moved on meanwhile (a menu command).
  const [conversation] = useState(opened);
  const id = useId();
  const [models, setModels] = useState(() => initialModels(conversation.model));
  const [prompt, setPrompt] = useState(initialPrompt);
  /** The question as sent; null until "Send to all". */
  const [question, setQuestion] = useState<{ id: string; content: string } | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [prices, setPrices] = useState<ModelList['info']>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { columns, running, start, stop, finishAll } = useComparison(api);
  const problem = cannotSend(models, prompt);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  /** Where focus goes when the form it was in, or a Stop button, goes away: the view keeps it for Escape and Tab. */
  const runRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (question) runRef.current?.focus();
    else promptRef.current?.focus();
  }, [question]);

  useEffect(() => {
    let live = true;
    // Prices are a nicety: without them the columns show no cost, never a wrong one.
    api.listModels({ refresh: false }).then(
      (list) => live && setPrices(list.info),
      (error: unknown) => console.warn('Could not read model prices', error),
    );
    return () => {
      live = false;
    };
  }, [api]);

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (problem !== null) return;
    setQuestion({ id: crypto.randomUUID(), content: prompt });
    start(comparisonRequests(conversation, prompt, models));
  }

  function onPromptKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // As in the message box: Enter sends, Shift+Enter adds a line.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) send(event);
  }

  const continueWith = useCallback(
    async (answerId: string) => {
      if (!question) return;
      setSaving(true);
      setSaveError(null);
      try {
        // Columns still streaming are stopped: they are kept as versions with what they had.
        const comparison = comparisonToSave(conversation, question, await finishAll(), answerId);
        onSaved(await api.saveComparison(comparison), comparison.chosen);
      } catch (error) {
        setSaveError(`Could not save the comparison: ${toAppError(error).message}`);
        setSaving(false);
      }
    },
    [api, conversation, question, finishAll, onSaved],
  );

  function stopAll() {
    runRef.current?.focus();
    void finishAll();
  }

  // Answers on screen are not thrown away without asking, running or not.
  const requestClose = () => (question ? setConfirming(true) : onClose(prompt));

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // Escape backs out one step; a menu or the model list that used it has said so.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    requestClose();
  }

  const chosen = columns.find((column) => column.id === chosenId && canUse(column)) ?? null;
  const badges = columnBadges(columns, prices);

  return (
    <section className="compare-view" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <header className="compare-head">
        <h2 id={`${id}-title`}>Compare models</h2>
        <IconButton label="Close" icon={Icons.close} placement="below" onClick={requestClose} />
      </header>
      {question ? (
        <>
          <div ref={runRef} tabIndex={-1} className="compare-run">
            <div className="compare-question">
              <p className="message-bubble">
                <LongText text={question.content} />
              </p>
            </div>
            <div className="compare-columns" role="radiogroup" aria-label="Answers">
              {columns.map((column) => (
                <CompareColumn
                  key={column.id}
                  column={column}
                  price={prices[column.model]?.price ?? null}
                  badges={badges.get(column.id)}
                  choiceName={`${id}-choice`}
                  chosen={column.id === chosen?.id}
                  onStop={stop}
                  onChoose={setChosenId}
                />
              ))}
            </div>
          </div>
          <div className="compare-bar">
            {saveError ? (
              <p role="alert" className="compare-hint error-text">
                {saveError}
              </p>
            ) : (
              <p className="compare-hint">Choose the answer to go on with; the others stay as its earlier versions.</p>
            )}
            {running && (
              <button type="button" className="ghost" onClick={stopAll}>
                Stop all
              </button>
            )}
            <button type="button" className="ghost" onClick={requestClose}>
              Discard
            </button>
            <button type="button" className="primary" disabled={!chosen || saving} onClick={() => chosen && void continueWith(chosen.id)}>
              Continue with this
            </button>
          </div>
        </>
      ) : (
        <form className="compare-setup" onSubmit={send}>
          <ModelChoices models={models} onChange={setModels} />
          <div className="compare-prompt">
            <label htmlFor={`${id}-prompt`} className="visually-hidden">
              Prompt
            </label>
            <textarea
              ref={promptRef}
              id={`${id}-prompt`}
              rows={3}
              placeholder="Ask all of them the same question"
              value={prompt}
              onChange={(event) => setPrompt(event.target.value)}
              onKeyDown={onPromptKeyDown}
            />
            <div className="compare-prompt-bar">
              <p id={`${id}-problem`} className="compare-hint" role="status">
                {problem}
              </p>
              <button type="submit" className="primary" disabled={problem !== null} aria-describedby={`${id}-problem`}>
                Send to all
              </button>
            </div>
          </div>
        </form>
      )}
      {confirming && <DiscardComparison onKeep={() => setConfirming(false)} onDiscard={() => onClose(prompt)} />}
    </section>
  );
}

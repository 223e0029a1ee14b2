import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChatResult, ModelList, StoredConversation } from '../../../shared/ipc';
import '../../styles/compare.css';
import { useParley } from '../../lib/ParleyContext';
import { Modal } from '../../components/Modal';
import { toAppError } from '../../lib/errors';
import type { Conversation } from '../chat/conversationReducer';
import { CompareColumn } from './CompareColumn';
import { comparisonRequests, comparisonToSave } from './comparisonRequest';
import { DiscardComparison } from './DiscardComparison';
import { ModelChoices } from './ModelChoices';
import { cannotSend, initialModels } from './modelChoices';
import { useComparison } from './useComparison';

interface CompareDialogProps {
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
 * Compare: one prompt to two to four models at once, their answers streaming side by side,
 * and the one to go on with chosen; main keeps the others as its earlier versions. Closing
 * with answers on screen asks first, and the prompt always goes back to the message box.
 */
export function CompareDialog({ conversation: opened, initialPrompt, onSaved, onClose }: CompareDialogProps) {
  const api = useParley();
  // Kept as opened: the answers belong to that conversation even if the window moved on meanwhile (a menu command).
  const [conversation] = useState(opened);
  const id = useId();
  const [models, setModels] = useState(() => initialModels(conversation.model));
  const [prompt, setPrompt] = useState(initialPrompt);
  /** The question as sent; null until "Send to all". */
  const [question, setQuestion] = useState<{ id: string; content: string } | null>(null);
  const [prices, setPrices] = useState<ModelList['info']>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { columns, running, start, stop, finishAll } = useComparison(api);
  const problem = cannotSend(models, prompt);
  /** Where focus goes when the form it was in, or a Stop button, goes away: the dialog must keep it for Escape and Tab. */
  const runRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (question) runRef.current?.focus();
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

  const use = useCallback(
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

  const requestClose = () => (question ? setConfirming(true) : onClose(prompt));

  return (
    <Modal labelledBy={`${id}-title`} onClose={requestClose} className="compare-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Compare models</h2>
        <button type="button" onClick={requestClose}>
          Close
        </button>
      </div>
      {question ? (
        <div ref={runRef} tabIndex={-1} className="compare-run">
          <div className="compare-question">
            <p className="message-content">{question.content}</p>
            {running && (
              <button type="button" className="danger" onClick={stopAll}>
                Stop all
              </button>
            )}
          </div>
          <div className="compare-columns">
            {columns.map((column) => (
              <CompareColumn key={column.id} column={column} price={prices[column.model]?.price ?? null} enabled={!saving} onStop={stop} onUse={use} />
            ))}
          </div>
          {saveError && (
            <p role="alert" className="error-text">
              {saveError}
            </p>
          )}
        </div>
      ) : (
        <form className="compare-setup" onSubmit={send}>
          <ModelChoices models={models} onChange={setModels} />
          <div className="field">
            <label htmlFor={`${id}-prompt`}>Prompt</label>
            <textarea id={`${id}-prompt`} rows={3} value={prompt} onChange={(event) => setPrompt(event.target.value)} onKeyDown={onPromptKeyDown} />
          </div>
          <div className="actions">
            <p id={`${id}-problem`} className="compare-problem" role="status">
              {problem}
            </p>
            <button type="submit" className="primary" disabled={problem !== null} aria-describedby={`${id}-problem`}>
              Send to all
            </button>
          </div>
        </form>
      )}
      {confirming && <DiscardComparison onKeep={() => setConfirming(false)} onDiscard={() => onClose(prompt)} />}
    </Modal>
  );
}

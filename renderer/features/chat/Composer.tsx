import { memo, useId, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { Attachment } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { AttachButton } from '../attachments/AttachButton';
import { DraftAttachmentTray } from '../attachments/DraftAttachmentTray';
import { ImageWarning } from '../attachments/lazy';
import { readyAttachments, useDraftAttachments } from '../attachments/useAttachments';
import { useFileDropTarget } from '../attachments/useFileDropTarget';
import { useModelVision } from '../attachments/useModelVision';
import './composer.css';

/** What the chat view may do to the composer: focus it (load, New chat, typing anywhere) and fill it (a starter card). */
export interface ComposerHandle {
  focus(): void;
  /** Replaces the draft and puts the caret at its end; never sends. */
  fill(text: string): void;
  /** The draft now, and the way to replace it (Compare takes the draft and may give it back). */
  draft(): string;
}

interface ComposerProps {
  handle?: Ref<ComposerHandle>;
  hasModel: boolean;
  /** The model the message goes to, to warn before images go to one that reads text only. */
  model: string;
  streaming: boolean;
  onSend: (text: string, attachments: Attachment[]) => void;
  onStop: () => void;
  /**
   * Up in an empty composer: edit the last message. Returns text to edit here, or null when
   * the editing happens elsewhere (or there is nothing to edit).
   */
  onEditLast: () => string | null;
  /** "Compare": opens Compare with the draft; `replaceDraft` puts text (or nothing) back in the box. */
  onCompare?: (draft: string, replaceDraft: (text: string) => void) => void;
  /** Chips in the toolbar after Attach (the conversation's parameters). */
  chips?: ReactNode;
}

/** `openai/gpt-oss-120b` → `gpt-oss-120b`: the placeholder names the model as a person says it. */
const modelName = (model: string) => model.slice(model.lastIndexOf('/') + 1);

/**
 * The message box: a rounded multi-line field with a toolbar (Attach, chips, Compare, and Send,
 * which turns into Stop in place so nothing moves while an answer streams). The draft lives in
 * the textarea itself, uncontrolled: React re-renders the composer only when the box turns
 * empty or not, and never copies the text. A controlled textarea also rewrites its default
 * value, a second copy of a 1 MB paste, on every keystroke. Memoized, so a streaming answer does
 * not re-render it either. The textarea grows with its text through CSS (field-sizing), to 40 vh.
 */
export const Composer = memo(function Composer({ handle, hasModel, model, streaming, onSend, onStop, onEditLast, onCompare, chips }: ComposerProps) {
  const id = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [hasText, setHasText] = useState(false);
  const files = useDraftAttachments(useParley());
  const attachments = readyAttachments(files.items);
  const preparing = attachments.length < files.items.length;
  const { dragging, dropHandlers } = useFileDropTarget(files.add);
  const hasImages = attachments.some((attachment) => attachment.kind === 'image');
  const vision = useModelVision(model, hasImages);
  const [warning, setWarning] = useState(false);
  // Not while the model's details are read after the first image: the warning must not be skipped.
  const canSend = hasModel && !streaming && (hasText || attachments.length > 0) && !preparing && !(hasImages && vision === 'loading');

  function setDraft(text: string) {
    if (inputRef.current) inputRef.current.value = text;
    setHasText(text.trim() !== '');
  }

  useImperativeHandle(handle, () => ({
    focus: () => inputRef.current?.focus({ preventScroll: true }),
    fill: (text: string) => {
      setDraft(text);
      const input = inputRef.current;
      input?.focus();
      input?.setSelectionRange(text.length, text.length);
    },
    draft: () => inputRef.current?.value ?? '',
  }));

  function send(confirmed = false) {
    const draft = inputRef.current?.value ?? '';
    if (!canSend || (draft.trim() === '' && attachments.length === 0)) return;
    // Known text-only models only; an unknown model may read images, and a refusal is explained.
    if (!confirmed && vision === false && hasImages) {
      setWarning(true);
      return;
    }
    setWarning(false);
    onSend(draft, attachments);
    files.clear();
    setDraft('');
    // After a click on Send, the next message is typed straight away.
    inputRef.current?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter while an input method composes a character belongs to the IME.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
      return;
    }
    // As in terminals and other chat apps; only an empty box, so Up still moves through a draft.
    const empty = event.currentTarget.value === '';
    if (event.key === 'ArrowUp' && empty && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const text = onEditLast();
      if (text === null) return;
      event.preventDefault();
      setDraft(text);
    }
  }

  return (
    <form
      className={dragging ? 'composer composer-drop' : 'composer'}
      onSubmit={onSubmit}
      onPaste={(event) => {
        const pasted = [...event.clipboardData.files];
        if (pasted.length === 0) return;
        // A pasted screenshot is attached, not dropped into the text as a name.
        event.preventDefault();
        files.add(pasted);
      }}
      // A click on the box's padding or toolbar gaps puts the caret in the text, as in a field.
      onPointerDown={(event) => {
        if (event.target === event.currentTarget || (event.target as HTMLElement).classList.contains('composer-toolbar')) {
          event.preventDefault();
          inputRef.current?.focus();
        }
      }}
      {...dropHandlers}
    >
      <DraftAttachmentTray draft={files} />
      <label htmlFor={`${id}-message`} className="visually-hidden">
        Message
      </label>
      <textarea
        ref={inputRef}
        id={`${id}-message`}
        className="composer-input"
        rows={1}
        placeholder={hasModel ? `Message ${modelName(model)}` : 'Choose a model to start'}
        aria-keyshortcuts="Enter"
        // trim() looks at the ends only: cheap at any length.
        onChange={(event) => setHasText(event.target.value.trim() !== '')}
        onKeyDown={onKeyDown}
      />
      <div className="composer-toolbar">
        <AttachButton onFiles={files.add} disabled={!hasModel} />
        {chips}
        <span className="composer-spacer" />
        {onCompare && (
          <button type="button" className="composer-compare" disabled={streaming} onClick={() => onCompare(inputRef.current?.value ?? '', setDraft)}>
            <Icons.compare aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
            Compare
          </button>
        )}
        {/* One button in one place: Send, and Stop while an answer streams. */}
        {streaming ? (
          <IconButton key="stop" className="composer-send" data-state="stop" icon={Icons.stop} label="Stop" shortcut={{ plain: 'Escape' }} tone="accent" onClick={onStop} />
        ) : (
          <IconButton key="send" className="composer-send" type="submit" icon={Icons.send} label="Send" shortcut={{ plain: 'Enter' }} tone="accent" disabled={!canSend} />
        )}
      </div>
      {warning && <ImageWarning model={model} onSend={() => send(true)} onCancel={() => setWarning(false)} />}
    </form>
  );
});

import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { ModelOptions } from './ModelOptions';
import { useModels } from './modelsContext';
import { pickerSections } from './pickerSections';

interface ModelPickerProps {
  value: string;
  onChange: (model: string) => void;
}

/** Ctrl+D (Cmd+D on macOS), as browsers bookmark: adds the active model to the favourites or takes it out. */
const isFavouriteKey = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'd';

/**
 * A searchable model list (the ARIA 1.2 combobox pattern): typing narrows by name or provider
 * ("qwen/", "meta"), Up/Down move through Favourites, Recently used and All models, Enter picks,
 * Ctrl/Cmd+D stars, Escape puts the field back. A typed id that matches nothing can still be
 * used, for when the list cannot be fetched. Each row shows what is known of its model.
 * Memoized: it has nothing to do while an answer streams.
 */
export const ModelPicker = memo(function ModelPicker({ value, onChange }: ModelPickerProps) {
  const models = useModels();
  const { list, refreshing, favourites, recents, toggleFavourite, pickerRequests } = models;
  const id = useId();
  const listboxId = `${id}-listbox`;
  const popupId = `${id}-popup`;
  const input = useRef<HTMLInputElement>(null);
  /** What the person typed; null while the field simply shows the chosen model. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const sections = pickerSections(list?.models ?? [], favourites, recents, query ?? '');
  const options = sections.flatMap((section) => section.models);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;
  const activeId = open && activeIndex >= 0 ? optionId(activeIndex) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  // "Choose another model" (after a 404) opens the list from elsewhere.
  const [seenRequests, setSeenRequests] = useState(pickerRequests);
  if (pickerRequests !== seenRequests) {
    setSeenRequests(pickerRequests);
    setOpen(true);
    setActive(0);
  }
  useEffect(() => {
    if (pickerRequests > 0) input.current?.focus();
  }, [pickerRequests]);

  function close() {
    setOpen(false);
    setQuery(null);
  }

  function choose(model: string) {
    close();
    if (model !== value) onChange(model);
  }

  function openAt(index: number) {
    setOpen(true);
    setActive(Math.max(0, index));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (isFavouriteKey(event)) {
      const model = open ? options[activeIndex] : value;
      if (!model) return;
      event.preventDefault();
      toggleFavourite(model);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (open) setActive(Math.min(activeIndex + 1, options.length - 1));
        else openAt(options.indexOf(value));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive(Math.max(activeIndex - 1, 0));
        else openAt(options.indexOf(value));
        break;
      case 'Home':
      case 'End':
        if (!open) break;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : options.length - 1);
        break;
      case 'Enter': {
        if (!open) break;
        event.preventDefault();
        const picked = options[activeIndex] ?? query?.trim();
        if (picked) choose(picked);
        else close();
        break;
      }
      case 'Escape':
        if (!open && query === null) break;
        // Only closes the list: the chat's "Escape stops" must not fire as well.
        event.preventDefault();
        close();
        break;
    }
  }

  return (
    <div className="model-picker">
      <div className="field">
        <label htmlFor={`${id}-input`}>Model</label>
        <div className="model-picker-row">
          <div className="combobox">
            <input
              ref={input}
              id={`${id}-input`}
              type="text"
              role="combobox"
              aria-expanded={open}
              aria-haspopup="dialog"
              aria-controls={popupId}
              aria-autocomplete="list"
              aria-activedescendant={activeId}
              aria-describedby={`${id}-keys`}
              autoComplete="off"
              spellCheck={false}
              placeholder={list ? 'Search models' : 'Loading models…'}
              value={query ?? value}
              // Long ids are cut off in the narrow field.
              title={value || undefined}
              onChange={(event) => {
                setQuery(event.target.value);
                openAt(0);
              }}
              onClick={() => !open && openAt(options.indexOf(value))}
              onKeyDown={onKeyDown}
              onBlur={close}
            />
            <span id={`${id}-keys`} className="visually-hidden">
              Type to search by name or provider. Ctrl or Command+D adds the highlighted model to favourites.
            </span>
            <ModelOptions
              popupId={popupId}
              listboxId={listboxId}
              optionId={optionId}
              sections={sections}
              activeIndex={activeIndex}
              value={value}
              info={list?.info ?? {}}
              favourites={favourites}
              hidden={!open || options.length === 0}
              onChoose={choose}
              onToggleFavourite={toggleFavourite}
            />
            {open && options.length === 0 && query && (
              <p className="listbox-empty">No model matches. Press Enter to use “{query.trim()}”.</p>
            )}
          </div>
          <IconButton label="Refresh models" icon={Icons.refresh} placement="below" onClick={() => void (refreshing || models.refresh())} aria-busy={refreshing} />
        </div>
      </div>
      <RefreshStatus refreshing={refreshing} />
    </div>
  );
});

/**
 * Says "Refreshing models…" to a screen reader. What is wrong with the list (offline, refused,
 * empty) is the banner above the thread (CatalogueBanner), not small text under the chip.
 */
function RefreshStatus({ refreshing }: { refreshing: boolean }) {
  // Only while it refreshes: an empty status would be one more in the bar (its Copied/Exported line is the one).
  return refreshing ? (
    <p role="status" className="visually-hidden">
      Refreshing models…
    </p>
  ) : null;
}

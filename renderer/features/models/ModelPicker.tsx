import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { AppError, ModelList } from '../../../preload/contract';
import { useParley } from '../../app/ParleyContext';
import { IconButton } from '../../components/IconButton';
import { toAppError } from '../../lib/errors';
import { formatTime } from '../../lib/format';

interface ModelPickerProps {
  value: string;
  onChange: (model: string) => void;
  /** Whose models to list; absent: the default endpoint's. */
  endpointId?: string;
}

function matching(models: string[], query: string | null): string[] {
  if (!query) return models;
  const needle = query.toLowerCase();
  return models.filter((model) => model.toLowerCase().includes(needle));
}

/**
 * A searchable model list (the ARIA 1.2 combobox pattern): typing filters, Up/Down move,
 * Enter picks, Escape puts the field back. A typed id that matches nothing can still be
 * used, for when the list cannot be fetched.
 */
export function ModelPicker({ value, onChange, endpointId }: ModelPickerProps) {
  const api = useParley();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const [list, setList] = useState<ModelList | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  /** What the person typed; null while the field simply shows the chosen model. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let live = true;
    api.listModels({ refresh: false, endpointId }).then(
      (result) => live && setList(result),
      (error: unknown) => live && setLoadError(toAppError(error)),
    );
    return () => {
      live = false;
    };
  }, [api, endpointId]);

  async function refresh() {
    if (refreshing) return;
    setRefreshing(true);
    try {
      setList(await api.listModels({ refresh: true, endpointId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(toAppError(error));
    } finally {
      setRefreshing(false);
    }
  }

  const options = matching(list?.models ?? [], query);
  const activeIndex = Math.min(active, options.length - 1);
  const activeId = open && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

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
              id={`${id}-input`}
              type="text"
              role="combobox"
              aria-expanded={open}
              aria-controls={listboxId}
              aria-autocomplete="list"
              aria-activedescendant={activeId}
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
            <ul id={listboxId} role="listbox" aria-label="Models" className="listbox" hidden={!open || options.length === 0}>
              {options.map((model, index) => (
                <li
                  key={model}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={model === value}
                  className={index === activeIndex ? 'option active' : 'option'}
                  // Keep focus in the field so the click lands before blur closes the list.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(model)}
                >
                  {model}
                </li>
              ))}
            </ul>
            {open && options.length === 0 && query && (
              <p className="listbox-empty">No model matches. Press Enter to use “{query.trim()}”.</p>
            )}
          </div>
          <IconButton label="Refresh models" icon="↻" onClick={() => void refresh()} aria-busy={refreshing} />
        </div>
      </div>
      <ModelListStatus list={list} loadError={loadError} refreshing={refreshing} />
    </div>
  );
}

function ModelListStatus({ list, loadError, refreshing }: { list: ModelList | null; loadError: AppError | null; refreshing: boolean }) {
  if (loadError) {
    return (
      <p role="alert" className="picker-status error-text">
        Could not load models: {loadError.message}
      </p>
    );
  }
  let text = '';
  if (refreshing) text = 'Refreshing models…';
  else if (list?.fromCache && list.error) {
    const when = list.fetchedAt === null ? 'earlier' : formatTime(list.fetchedAt);
    text = `Offline: showing models cached ${when}. ${list.error.message}`;
  } else if (list?.error) text = list.error.message;
  else if (list?.models.length === 0) text = 'No models available.';
  return (
    <p role="status" className={list?.error ? 'picker-status warning-text' : 'picker-status'}>
      {text}
    </p>
  );
}

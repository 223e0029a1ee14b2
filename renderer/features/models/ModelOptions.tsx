import type { MouseEvent } from 'react';
import type { ModelList } from '../../../shared/ipc';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { modelDetails, stageLabel } from './modelDetails';
import { gridLayout, type PickerSection } from './pickerSections';
import './models.css';

interface ModelOptionsProps {
  /** The popup's id, which the combobox controls. */
  popupId: string;
  listboxId: string;
  /** The id of the option at a place in the flat list (what aria-activedescendant names). */
  optionId: (index: number) => string;
  sections: PickerSection[];
  activeIndex: number;
  value: string;
  info: ModelList['info'];
  favourites: readonly string[];
  hidden: boolean;
  onChoose: (model: string) => void;
  onToggleFavourite: (model: string) => void;
}

/** Keeps focus in the field, so a click lands before the field's blur closes the list. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * The picker's popup: a listbox of sections and options, and beside it a column of star buttons.
 * A listbox may hold only options and groups, so the stars live outside it in the DOM and a
 * shared grid (the listbox and its groups are `display: contents`) puts each beside its row. The
 * popup holding both is a non-modal dialog (ARIA's combobox may pop one up): focus stays in the
 * field, which points at the active option.
 */
export function ModelOptions({ popupId, listboxId, optionId, sections, activeIndex, value, info, favourites, hidden, onChoose, onToggleFavourite }: ModelOptionsProps) {
  const layout = gridLayout(sections);

  return (
    <div id={popupId} role="dialog" aria-label="Choose a model" className="listbox-popup" hidden={hidden}>
      <div id={listboxId} role="listbox" aria-label="Models" className="listbox">
        {layout.map(({ name, heading, items }, at) => (
          <div key={name} role="group" aria-labelledby={`${listboxId}-section-${at}`} className="listbox-group">
            <div id={`${listboxId}-section-${at}`} role="presentation" className="listbox-heading" style={{ gridRow: heading }}>
              {name}
            </div>
            {items.map(({ model, row, index: place }) => {
              const details = modelDetails(info[model]);
              const stage = stageLabel(info[model]);
              const described = details.length > 0 || stage !== null;
              return (
                <div
                  key={model}
                  id={optionId(place)}
                  role="option"
                  aria-label={model}
                  aria-describedby={described ? `${optionId(place)}-details` : undefined}
                  aria-selected={model === value}
                  className={place === activeIndex ? 'option active' : 'option'}
                  style={{ gridRow: row }}
                  onMouseDown={keepFocus}
                  onClick={() => onChoose(model)}
                >
                  <span className="option-id">{model}</span>
                  {described && (
                    <span id={`${optionId(place)}-details`} className="option-details">
                      {stage && <span className={`option-stage stage-${info[model]?.lifecycle ?? ''}`}>{stage}</span>}
                      {stage && details.length > 0 && ' · '}
                      {details.join(' · ')}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="listbox-stars">
        {layout.flatMap(({ items }) => items).map(({ model, row }) => {
          const starred = favourites.includes(model);
          return (
            <IconButton
              key={model}
              size="sm"
              label={starred ? `Remove ${model} from favourites` : `Add ${model} to favourites`}
              icon={Icons.favourite}
              shortcut={{ key: 'D' }}
              className={starred ? 'star starred' : 'star'}
              style={{ gridRow: row }}
              aria-pressed={starred}
              // Out of the Tab order: the list is a combobox popup; Ctrl/Cmd+D is the keyboard way.
              tabIndex={-1}
              onMouseDown={keepFocus}
              onClick={() => onToggleFavourite(model)}
            />
          );
        })}
      </div>
    </div>
  );
}

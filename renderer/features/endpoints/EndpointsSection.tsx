import { useId, useRef, useState } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { Modal } from '../../components/Modal';
import { useActionStatus } from '../../lib/useActionStatus';
import { SettingsSection } from '../settings/SettingsFields';
import { EndpointForm } from './EndpointForm';
import { EMPTY_DRAFT, type EndpointDraft } from './endpointInput';
import { EndpointRow } from './EndpointRow';
import { useEndpoints } from './useEndpoints';

const fieldsOf = ({ name, baseURL, project }: EndpointDraft) => ({ name: name.trim(), baseURL: baseURL.trim(), project: project.trim() });

/** Settings › Endpoints: W&B Inference and the OpenAI-compatible servers the user added. */
export function EndpointsSection() {
  const api = useParley();
  const id = useId();
  // Main announces every change made here; this list and the chat's selector both read it again.
  const endpoints = useEndpoints(api);
  const [editing, setEditing] = useState<EndpointView | 'new' | null>(null);
  const [removing, setRemoving] = useState<EndpointView | null>(null);
  const { status, error, run } = useActionStatus();
  const addButtonRef = useRef<HTMLButtonElement>(null);

  function close() {
    setEditing(null);
    // The form goes away: keep focus in the dialog.
    addButtonRef.current?.focus();
  }

  async function add(draft: EndpointDraft, allowInsecure: boolean) {
    const key = draft.key.trim();
    await api.addEndpoint({ ...fieldsOf(draft), ...(key ? { key, allowInsecure } : {}) });
    close();
    void run(async () => `Endpoint “${draft.name.trim()}” added.`);
  }

  async function update(endpoint: EndpointView, draft: EndpointDraft, allowInsecure: boolean) {
    await api.updateEndpoint({ id: endpoint.id, patch: fieldsOf(draft) });
    const key = draft.key.trim();
    if (key) await api.saveEndpointKey({ id: endpoint.id, key, allowInsecure });
    close();
    void run(async () => `Endpoint “${draft.name.trim()}” saved.`);
  }

  function remove(endpoint: EndpointView) {
    setRemoving(null);
    void run(async () => {
      await api.removeEndpoint({ id: endpoint.id });
      return `Endpoint “${endpoint.name}” removed.`;
    });
  }

  function removeKey(endpoint: EndpointView) {
    void run(async () => {
      await api.removeEndpointKey({ id: endpoint.id });
      close();
      return `The key of “${endpoint.name}” was removed.`;
    });
  }

  return (
    <SettingsSection title="Endpoints">
      <p className="hint">OpenAI-compatible servers to chat with besides W&B Inference: a local Ollama, vLLM or LM Studio, OpenAI itself.</p>
      <ul className="endpoint-list" aria-label="Endpoints">
        {endpoints.map((endpoint) => (
          <EndpointRow key={endpoint.id} endpoint={endpoint} onEdit={() => setEditing(endpoint)} onRemove={() => setRemoving(endpoint)} />
        ))}
      </ul>
      {editing === null && (
        <div className="actions start">
          <button ref={addButtonRef} type="button" onClick={() => setEditing('new')}>
            Add endpoint
          </button>
        </div>
      )}
      {editing === 'new' && (
        <EndpointForm
          title="Add endpoint"
          initial={EMPTY_DRAFT}
          keyHint="Leave empty for a local server that needs none: Parley then sends no key."
          submitLabel="Add endpoint"
          onSubmit={add}
          onCancel={close}
        />
      )}
      {editing !== null && editing !== 'new' && (
        <>
          <EndpointForm
            key={editing.id}
            title={`Edit ${editing.name}`}
            initial={{ ...EMPTY_DRAFT, name: editing.name, baseURL: editing.baseURL, project: editing.project }}
            keyHint={editing.key.hasKey ? 'A key is stored. Leave empty to keep it, or type a new one to replace it.' : 'No key is stored.'}
            submitLabel="Save endpoint"
            onSubmit={(draft, allowInsecure) => update(editing, draft, allowInsecure)}
            onCancel={close}
          />
          {editing.key.hasKey && (
            <div className="actions start">
              <button type="button" className="danger" onClick={() => removeKey(editing)}>
                Remove key
              </button>
            </div>
          )}
        </>
      )}
      <ActionStatus status={status} error={error} />
      {removing && (
        <Modal role="alertdialog" labelledBy={`${id}-remove-title`} describedBy={`${id}-remove-text`} onClose={() => setRemoving(null)}>
          <h2 id={`${id}-remove-title`}>Remove “{removing.name}”?</h2>
          <p id={`${id}-remove-text`}>Its stored key is deleted too. Conversations held with it stay in your history; before anything more is sent, they ask you to choose another endpoint or add this one again.</p>
          <div className="actions">
            <button type="button" data-autofocus onClick={() => setRemoving(null)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => remove(removing)}>
              Remove endpoint
            </button>
          </div>
        </Modal>
      )}
    </SettingsSection>
  );
}

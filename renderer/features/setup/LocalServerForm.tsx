import { useId, useRef, useState, type FormEvent } from 'react';
import type { ConnectionTest } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { useParley } from '../../lib/ParleyContext';
import { Icons } from '../../ui/icons';
import { useSettings } from '../settings/settingsContext';
import { chooseDefaultModel } from './defaultModel';
import { FieldError } from './FieldError';
import { connectedSummary, endpointNameFor, LOCAL_SERVERS, type LocalServerPreset } from './localServers';

/** What was tested, so Continue adds exactly the connection that answered. */
interface Tested {
  baseURL: string;
  key: string;
  result: ConnectionTest;
}

/**
 * First run with a local server: pick the server (its usual address fills in), test it, and
 * Continue adds it as an endpoint, makes it the default and chooses a model it serves.
 */
export function LocalServerForm() {
  const api = useParley();
  const { update } = useSettings();
  const id = useId();
  const urlField = useRef<HTMLInputElement>(null);
  const [preset, setPreset] = useState<LocalServerPreset>(LOCAL_SERVERS[0] as LocalServerPreset);
  const [baseURL, setBaseURL] = useState(preset.baseURL);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState<'testing' | 'adding' | null>(null);
  const [tested, setTested] = useState<Tested | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const current = tested !== null && tested.baseURL === baseURL.trim() && tested.key === key.trim() ? tested.result : null;
  const canContinue = current?.ok === true && busy === null;

  function choose(next: LocalServerPreset) {
    setPreset(next);
    setBaseURL(next.baseURL);
    setProblem(null);
    // "Other": the address is the person's to type.
    if (next.baseURL === '') urlField.current?.focus();
  }

  async function test() {
    const url = baseURL.trim();
    if (url === '') {
      setProblem('Enter the server’s base URL, e.g. http://127.0.0.1:11434/v1.');
      urlField.current?.focus();
      return;
    }
    setBusy('testing');
    setProblem(null);
    try {
      const result = await api.testNewConnection({ baseURL: url, project: '', ...(key.trim() ? { key: key.trim() } : {}) });
      setTested({ baseURL: url, key: key.trim(), result });
    } catch (error) {
      setTested(null);
      setProblem(toAppError(error).code === 'invalid-request' ? 'Enter a base URL that starts with http:// or https://.' : toAppError(error).message);
    } finally {
      setBusy(null);
    }
  }

  async function addAndContinue(event: FormEvent) {
    event.preventDefault();
    if (!current?.ok) return;
    setBusy('adding');
    try {
      const endpoint = await api.addEndpoint({ name: endpointNameFor(preset), baseURL: baseURL.trim(), project: '', ...(key.trim() ? { key: key.trim() } : {}) });
      const model = chooseDefaultModel(current.models);
      // Main's answer carries the new default endpoint: the app leaves first run with it.
      await update({ defaultEndpointId: endpoint.id, ...(model === null ? {} : { defaultModel: model }) });
    } catch (error) {
      setProblem(toAppError(error).message);
      setBusy(null);
    }
  }

  return (
    <form className="stack" onSubmit={addAndContinue} noValidate>
      <div className="setup-group">
        <span id={`${id}-server`} className="field-label">
          Server
        </span>
        <div role="radiogroup" aria-labelledby={`${id}-server`} className="segmented">
          {LOCAL_SERVERS.map((server) => (
            <label key={server.id} className="segment">
              <input type="radio" name={`${id}-server`} checked={preset.id === server.id} onChange={() => choose(server)} className="card-radio" />
              {server.name}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>Base URL</label>
        <input
          ref={urlField}
          id={`${id}-url`}
          type="url"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="http://127.0.0.1:8080/v1"
          value={baseURL}
          onChange={(event) => setBaseURL(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        {problem && <FieldError id={`${id}-problem`}>{problem}</FieldError>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>
          API key <span className="optional">(optional)</span>
        </label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-describedby={`${id}-key-hint`}
        />
        <p id={`${id}-key-hint`} className="hint">
          Local servers usually need none: Parley then sends no key.
        </p>
      </div>
      <div className="setup-actions">
        <p role="status" className="connection-result" data-ok={current === null ? undefined : current.ok}>
          {busy === 'testing' && 'Testing…'}
          {busy !== 'testing' && current !== null && (
            <>
              {current.ok ? (
                <Icons.connected aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
              ) : (
                <Icons.error aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
              )}
              <span>{current.ok ? connectedSummary(current.models) : current.message}</span>
            </>
          )}
        </p>
        <button type="button" onClick={() => void test()} disabled={busy !== null}>
          Test connection
        </button>
        <button type="submit" className="primary" disabled={!canContinue}>
          Continue
        </button>
      </div>
    </form>
  );
}

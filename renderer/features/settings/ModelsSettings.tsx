import { ActionStatus } from '../../components/ActionStatus';
import { useActionStatus } from '../../lib/useActionStatus';
import { Icons } from '../../ui/icons';
import { EndpointsSection } from '../endpoints/EndpointsSection';
import { useModels } from '../models/modelsContext';
import { TextField } from './SettingsFields';

/** Settings › Models and endpoints: the model new chats start with, the model list, and the servers to chat with. */
export function ModelsSettings() {
  const models = useModels();
  const { status, error, run } = useActionStatus();

  function refresh() {
    void run(async () => {
      const list = await models.refresh();
      return list ? `${list.models.length} models listed.` : null;
    });
  }

  return (
    <>
      <TextField setting="defaultModel" label="Default model" hint="New chats start with it; the model picker remembers your last choice here too." />
      <div className="actions start">
        <button type="button" className="with-icon" onClick={refresh} aria-busy={models.refreshing}>
          <Icons.refresh aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
          Refresh models
        </button>
      </div>
      <ActionStatus status={status} error={error} />
      <EndpointsSection />
    </>
  );
}

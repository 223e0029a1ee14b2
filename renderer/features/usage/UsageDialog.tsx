import { useEffect, useId, useState } from 'react';
import type { UsageReport, UsageTotals } from '../../../shared/ipc';
import { formatCost } from '../../../shared/cost';
import { useParley } from '../../lib/ParleyContext';
import { Modal } from '../../components/Modal';
import { toAppError } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { wandbProjectUrl } from './wandbProject';
import './usage.css';

/** "$1.27", "at least $1.27" when some answers had no known price, "Not known" when none had. */
function costText({ cost, unpricedAnswers }: UsageTotals): string {
  if (cost === null) return 'Not known';
  return `${unpricedAnswers > 0 ? 'at least ' : ''}${formatCost(cost)}`;
}

function UsageCells({ totals }: { totals: UsageTotals }) {
  return (
    <>
      <td>{formatCount(totals.answers)}</td>
      <td>{formatCount(totals.promptTokens)}</td>
      <td>{formatCount(totals.completionTokens)}</td>
      <td>{costText(totals)}</td>
    </>
  );
}

/** One period at a glance: its cost large, then answers and tokens. A region named by the period. */
function UsageTile({ name, totals }: { name: string; totals: UsageTotals }) {
  const id = useId();
  return (
    <section className="usage-tile" aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      <dl>
        <div className="usage-tile-cost">
          <dt>Cost</dt>
          <dd>{costText(totals)}</dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>{formatCount(totals.answers)}</dd>
        </div>
        <div>
          <dt>Tokens in</dt>
          <dd>{formatCount(totals.promptTokens)}</dd>
        </div>
        <div>
          <dt>Tokens out</dt>
          <dd>{formatCount(totals.completionTokens)}</dd>
        </div>
      </dl>
    </section>
  );
}

function UsageTable({ caption, rows }: { caption: string; rows: { name: string; totals: UsageTotals }[] }) {
  return (
    <table className="usage-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Answers</th>
          <th scope="col">Tokens in</th>
          <th scope="col">Tokens out</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <UsageCells totals={row.totals} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where W&B itself counts this usage: the team/project from Settings, with a link to its page. */
function WandbProject({ project }: { project: string }) {
  const api = useParley();
  const url = wandbProjectUrl(project);
  if (!project.trim()) {
    return <p>No team/project is set in Settings, so W&B counts this usage in your default entity’s “inference” project.</p>;
  }
  return (
    <p>
      W&B counts this usage in the project <strong>{project}</strong>.{' '}
      {url && (
        <button type="button" className="link-button" onClick={() => void api.openLink({ url })}>
          Open {project} on wandb.ai
        </button>
      )}
    </p>
  );
}

/**
 * "Usage" (docs/design-system.md, "Usage"): a 640 px dialog with a tile for this week and this
 * month, the per-model table (numbers right-aligned) and where W&B counts it, from the answers
 * saved on this computer.
 */
export function UsageDialog({ project, onClose }: { project: string; onClose: () => void }) {
  const api = useParley();
  const id = useId();
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.usageReport().then(
      (result) => live && setReport(result),
      (failure: unknown) => live && setError(toAppError(failure).message),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="usage-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Usage</h2>
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
      {error && <p role="alert">Could not read the usage: {error}</p>}
      {!report && !error && <p role="status">Adding up usage…</p>}
      {report && (
        <>
          <div className="usage-tiles">
            <UsageTile name="This week" totals={report.thisWeek} />
            <UsageTile name="This month" totals={report.thisMonth} />
          </div>
          {report.byModel.length > 0 ? (
            <UsageTable caption="By model, all saved answers" rows={report.byModel.map((row) => ({ name: row.model, totals: row }))} />
          ) : (
            <p>No answers with token counts yet.</p>
          )}
          <p className="usage-note">
            Counted from the answers saved on this computer, earlier versions included. Cost uses published prices per million tokens;
            models without one are left out of it.
          </p>
        </>
      )}
      <WandbProject project={project} />
    </Modal>
  );
}

import type { UploadProgress } from './chatgptUpload';
import './transfer.css';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How far a large file has got: a bar, the bytes read and the conversations imported so far, and a way to stop. */
export function ImportProgressView({ progress, onStop }: { progress: UploadProgress; onStop: () => void }) {
  const { file, total, bytes, imported } = progress;
  return (
    <div className="import-progress">
      <div role="progressbar" aria-label="Import progress" className="progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={bytes} aria-valuetext={`${megabytes(bytes)} of ${megabytes(total)}`}>
        <div className="progress-fill" style={{ width: total > 0 ? `${(100 * bytes) / total}%` : 0 }} />
      </div>
      <p className="muted">
        {file}: {megabytes(bytes)} of {megabytes(total)} read, {imported.toLocaleString()} conversation{imported === 1 ? '' : 's'} imported
      </p>
      <div className="actions import-choose">
        <button type="button" onClick={onStop}>
          Stop import
        </button>
      </div>
    </div>
  );
}

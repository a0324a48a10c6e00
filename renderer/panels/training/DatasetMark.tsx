/**
 * Says, above a run's curves and results, that they are of another dataset than the one loaded
 * now, and offers to train on the loaded one. The run stays (it is data); only what would need
 * its dataset (predicting, the extra analyses, export) is left out until then.
 */
import './datasetMark.css';

export function DatasetMark({
  trainedOn,
  loaded,
  onRetrain,
  blocker,
}: {
  trainedOn: string;
  /** The dataset loaded now, or null when none is. */
  loaded: string | null;
  onRetrain(): void;
  /** Why training cannot start now, or null. */
  blocker: string | null;
}) {
  return (
    <div className="dataset-mark" role="note" aria-label="Results of another dataset">
      <p>
        These results are of <strong>{trainedOn}</strong>
        {loaded ? (
          <>
            ; the loaded dataset is <strong>{loaded}</strong>.
          </>
        ) : (
          ', which is no longer loaded.'
        )}
      </p>
      {loaded && (
        <button
          type="button"
          className="primary"
          onClick={onRetrain}
          disabled={blocker !== null}
          title={blocker ?? undefined}
        >
          Train on {loaded}
        </button>
      )}
    </div>
  );
}

/** Marks results that come from an earlier network than the one now on the canvas. */
export function StaleMark({ runId, what }: { runId: string; what?: string }) {
  return (
    <p className="warning stale-mark" role="note" aria-label="Results from an earlier network">
      from {runId} (network changed){what ? `: ${what}` : ''}
    </p>
  );
}

/**
 * The model summary, like Keras's model.summary(): each layer along the chain with its output
 * shape and parameter count, the totals, and a warning when parameters far outnumber the
 * training rows (a network that can memorise its data).
 */
import { LAYER_LABELS, type LayerKind } from '../../engine/graph/document';
import { useGraphAnalysis } from '../store/analysis';
import { useGraphStore } from '../store/graph';
import { useDataStore } from '../store/data';
import { paramsText, shapeText } from '../canvas/format';

/** Parameters per training row above which the summary warns. */
export const PARAMS_PER_ROW_WARNING = 10;

export function SummaryPanel() {
  const analysis = useGraphAnalysis();
  // Ids and kinds only, as one string: moving nodes does not re-render the summary.
  const kinds = useGraphStore((s) => s.graph.nodes.map((n) => `${n.id}\t${n.kind}`).join('\n'));
  const shape = useDataStore((s) => s.shape);
  const byId = new Map(
    kinds
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t') as [string, LayerKind]),
  );
  // Layers in chain order first, then anything not on the chain.
  const order = [
    ...analysis.chain,
    ...[...byId.keys()].filter((id) => !analysis.chain.includes(id)),
  ];
  const rows = shape?.trainRows ?? null;
  const total = analysis.totalParams;
  return (
    <section className="summary-panel" aria-label="Model summary">
      <table aria-label="Layers">
        <thead>
          <tr>
            <th>Layer (type)</th>
            <th>Output shape</th>
            <th>Param #</th>
          </tr>
        </thead>
        <tbody>
          {order.map((id) => {
            const kind = byId.get(id);
            if (!kind) return null;
            const info = analysis.nodes[id];
            return (
              <tr key={id} className={analysis.chain.includes(id) ? '' : 'off-chain'}>
                <td>
                  {id} ({LAYER_LABELS[kind]})
                </td>
                <td>{shapeText(info?.out)}</td>
                <td>
                  {info?.params === null || info?.params === undefined
                    ? '?'
                    : info.params.toLocaleString('en-US')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="summary-totals">
        <div>
          Total params:{' '}
          {total === null ? '? (load data to know the Input width)' : total.toLocaleString('en-US')}
        </div>
        <div>Trainable params: {total === null ? '?' : total.toLocaleString('en-US')}</div>
        <div>Non-trainable params: 0</div>
        {shape && (
          <div className="muted">
            Input width {shape.features} from {shape.name}
            {rows !== null ? `, ${rows.toLocaleString('en-US')} training rows` : ''}.
          </div>
        )}
      </div>
      {total !== null && rows !== null && total > PARAMS_PER_ROW_WARNING * rows && (
        <p className="warning" role="alert">
          {paramsText(total)} for {rows.toLocaleString('en-US')} training rows (
          {Math.round(total / rows)} per row): the network can memorise the training set and
          overfit. Use fewer units, add Dropout, or raise L2 λ.
        </p>
      )}
    </section>
  );
}

/**
 * Problems the graph checker reports, each tied to a node and phrased as what to change. Notes
 * (GraphAnalysis.notes) have the same shape but do not stop training.
 */

export type ProblemCode =
  | 'invalid_graph'
  | 'invalid_params'
  | 'duplicate_id'
  | 'edge_unknown_node'
  | 'no_input'
  | 'multiple_inputs'
  | 'no_output'
  | 'multiple_outputs'
  | 'input_has_incoming'
  | 'output_has_outgoing'
  | 'multiple_incoming'
  | 'multiple_outgoing'
  | 'cycle'
  | 'chain_incomplete'
  | 'output_unconnected'
  | 'dangling'
  | 'no_dense'
  | 'no_features'
  | 'softmax_position'
  | 'softmax_loss'
  | 'softmax_width'
  | 'cce_needs_softmax'
  | 'bce_needs_sigmoid'
  | 'bce_classes'
  | 'bce_width'
  | 'loss_task'
  | 'softmax_task'
  | 'mse_classes'
  | 'output_width';

export interface GraphProblem {
  /** The node to change (null only when the problem is not about one node, e.g. "no Input"). */
  nodeId: string | null;
  /** The connection involved, when there is one. */
  edgeId?: string;
  code: ProblemCode;
  /** One or two plain sentences naming the node and saying what to change. */
  message: string;
}

/**
 * The graph checker: structure (one Input, one Output, a single chain between them, no cycles,
 * no dangling nodes), node parameters, Softmax / loss combinations and output width, plus the
 * live shapes and parameter counts of `inferShapes`. Pure: used by the renderer and the compiler.
 */
import { graphNodeSchema, graphSchema, type Graph, type GraphNode } from './document';
import { checkHead, nodeLabel, type ResolvedLoss, type ValidateOptions } from './head';
import { isLayerKind, LAYER_LABELS } from './kinds';
import type { GraphProblem } from './problems';
import { inferShapes, type ShapeInfo } from './shapes';

export type { ResolvedLoss, ValidateOptions } from './head';

export interface GraphAnalysis extends ShapeInfo {
  /** True when there are no problems (the graph compiles). */
  ok: boolean;
  problems: GraphProblem[];
  /** Advice that does not stop training (e.g. mean squared error on a class target). */
  notes: GraphProblem[];
  /** Node ids from Input onwards along the chain (as far as it goes). */
  chain: string[];
  /** The loss the Output will use ('auto' resolved), or null when there is no usable Output. */
  loss: ResolvedLoss | null;
}

export { nodeLabel };

/** Checks a graph; never throws. `graph` may be anything (e.g. parsed from a file). */
export function validateGraph(graph: Graph, opts: ValidateOptions = {}): GraphAnalysis {
  const problems: GraphProblem[] = [];
  const notes: GraphProblem[] = [];
  const empty = (): GraphAnalysis => ({
    ok: false,
    problems,
    notes,
    chain: [],
    loss: null,
    nodes: {},
    edges: {},
    totalParams: null,
  });

  // 1. Shape of the document itself, then each node's parameters.
  const g = graph as unknown as { nodes?: unknown; edges?: unknown };
  if (g === null || typeof g !== 'object' || !Array.isArray(g.nodes) || !Array.isArray(g.edges)) {
    problems.push({
      nodeId: null,
      code: 'invalid_graph',
      message: 'The graph must have a list of nodes and a list of connections.',
    });
    return empty();
  }
  const nodes: GraphNode[] = [];
  for (const raw of g.nodes as unknown[]) {
    const r = graphNodeSchema.safeParse(raw);
    const id =
      typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
    if (r.success) {
      nodes.push(r.data);
      continue;
    }
    const kind = (raw as { kind?: unknown })?.kind;
    const label = isLayerKind(kind) ? `${LAYER_LABELS[kind]} "${id}"` : `Node "${id}"`;
    for (const issue of r.error.issues) {
      const field = issue.path.filter((p) => p !== 'params').join('.');
      const inParams = issue.path[0] === 'params';
      problems.push({
        nodeId: id,
        code: inParams ? 'invalid_params' : 'invalid_graph',
        message: inParams
          ? `${label}: ${field} ${issue.message.startsWith(field) ? issue.message.slice(field.length).trim() : `is invalid (${issue.message})`}; change ${field}.`
          : `${label} is not a valid node (${field || 'node'}: ${issue.message}).`,
      });
    }
    // Keep the node for structural checks when its kind is known, with its raw params.
    if (isLayerKind(kind) && id !== null) nodes.push(raw as GraphNode);
  }
  const edgesParsed = graphSchema.shape.edges.safeParse(g.edges);
  if (!edgesParsed.success) {
    problems.push({
      nodeId: null,
      code: 'invalid_graph',
      message: 'Some connections are malformed: each needs an id, a source and a target.',
    });
    return empty();
  }
  const edges = edgesParsed.data;

  // 2. Ids and connections.
  const byId = new Map<string, GraphNode>();
  for (const n of nodes) {
    if (byId.has(n.id)) {
      problems.push({
        nodeId: n.id,
        code: 'duplicate_id',
        message: `Two nodes share the id "${n.id}": give each node its own id.`,
      });
    } else byId.set(n.id, n);
  }
  const inEdges = new Map<string, typeof edges>();
  const outEdges = new Map<string, typeof edges>();
  for (const e of edges) {
    const missing = [e.source, e.target].filter((x) => !byId.has(x));
    if (missing.length > 0) {
      const known = [e.source, e.target].find((x) => byId.has(x)) ?? null;
      problems.push({
        nodeId: known,
        edgeId: e.id,
        code: 'edge_unknown_node',
        message: `Connection "${e.id}" points to node "${missing[0]}", which does not exist: delete the connection.`,
      });
      continue;
    }
    (outEdges.get(e.source) ?? outEdges.set(e.source, []).get(e.source)!).push(e);
    (inEdges.get(e.target) ?? inEdges.set(e.target, []).get(e.target)!).push(e);
  }
  const label = (id: string): string => nodeLabel(byId.get(id)!);

  // 3. Exactly one Input and one Output, at the ends.
  const inputs = nodes.filter((n) => n.kind === 'input');
  const outputs = nodes.filter((n) => n.kind === 'output');
  if (inputs.length === 0) {
    problems.push({
      nodeId: null,
      code: 'no_input',
      message: 'The graph has no Input node: add one and connect it to the first layer.',
    });
  }
  for (const n of inputs.slice(1)) {
    problems.push({
      nodeId: n.id,
      code: 'multiple_inputs',
      message: `${nodeLabel(n)} is an extra Input (there are ${inputs.length}): keep exactly one Input and delete the others.`,
    });
  }
  if (outputs.length === 0) {
    problems.push({
      nodeId: null,
      code: 'no_output',
      message: 'The graph has no Output node: add one and connect the last layer to it.',
    });
  }
  for (const n of outputs.slice(1)) {
    problems.push({
      nodeId: n.id,
      code: 'multiple_outputs',
      message: `${nodeLabel(n)} is an extra Output (there are ${outputs.length}): keep exactly one Output and delete the others.`,
    });
  }
  for (const n of byId.values()) {
    const ins = inEdges.get(n.id) ?? [];
    const outs = outEdges.get(n.id) ?? [];
    if (n.kind === 'input' && ins.length > 0) {
      problems.push({
        nodeId: n.id,
        edgeId: ins[0]!.id,
        code: 'input_has_incoming',
        message: `${nodeLabel(n)} has an incoming connection from "${ins[0]!.source}": Input must be first, remove that connection.`,
      });
    } else if (ins.length > 1) {
      problems.push({
        nodeId: n.id,
        code: 'multiple_incoming',
        message: `${nodeLabel(n)} has ${ins.length} incoming connections (from ${ins.map((e) => `"${e.source}"`).join(', ')}): a layer takes exactly one input, keep one of them.`,
      });
    }
    if (n.kind === 'output' && outs.length > 0) {
      problems.push({
        nodeId: n.id,
        edgeId: outs[0]!.id,
        code: 'output_has_outgoing',
        message: `${nodeLabel(n)} has an outgoing connection to "${outs[0]!.target}": Output must be last, remove that connection.`,
      });
    } else if (outs.length > 1) {
      problems.push({
        nodeId: n.id,
        code: 'multiple_outgoing',
        message: `${nodeLabel(n)} has ${outs.length} outgoing connections (to ${outs.map((e) => `"${e.target}"`).join(', ')}): the network is a single chain, keep one of them.`,
      });
    }
  }

  // 4. Cycles (each reported once, at the node where the loop closes). Iterative depth-first
  // search, so long chains cannot overflow the stack.
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: finished
  const pathIndex = new Map<string, number>();
  const path: string[] = [];
  const reported = new Set<string>();
  for (const root of byId.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    pathIndex.set(root, 0);
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const outs = outEdges.get(top.id) ?? [];
      if (top.next < outs.length) {
        const e = outs[top.next++]!;
        const s = state.get(e.target);
        if (s === 1) {
          const loop = path.slice(pathIndex.get(e.target));
          if (!loop.some((x) => reported.has(x))) {
            loop.forEach((x) => reported.add(x));
            problems.push({
              nodeId: e.target,
              edgeId: e.id,
              code: 'cycle',
              message: `${label(e.target)} is part of a loop (${[...loop, e.target].map((x) => `"${x}"`).join(' → ')}): remove one connection of the loop.`,
            });
          }
        } else if (s === undefined) {
          state.set(e.target, 1);
          pathIndex.set(e.target, path.length);
          path.push(e.target);
          stack.push({ id: e.target, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        pathIndex.delete(top.id);
        path.pop();
        stack.pop();
      }
    }
  }

  // 5. The chain from Input, and nodes off it.
  const chain: string[] = [];
  const input = inputs[0];
  const output = outputs[0];
  if (input !== undefined) {
    const seen = new Set<string>();
    for (let id: string | undefined = input.id; id !== undefined && !seen.has(id);) {
      seen.add(id);
      chain.push(id);
      if (byId.get(id)!.kind === 'output') break;
      id = (outEdges.get(id) ?? [])[0]?.target;
    }
  }
  const onChain = new Set(chain);
  const complete = output !== undefined && onChain.has(output.id);
  if (input !== undefined && output !== undefined && !complete) {
    const last = chain[chain.length - 1]!;
    problems.push({
      nodeId: last,
      code: 'chain_incomplete',
      message: `The chain from Input stops at ${label(last)}: connect it to the next layer or to ${nodeLabel(output)}.`,
    });
    if ((inEdges.get(output.id) ?? []).length === 0) {
      problems.push({
        nodeId: output.id,
        code: 'output_unconnected',
        message: `${nodeLabel(output)} has no incoming connection: connect the last layer to it.`,
      });
    }
  }
  if (input !== undefined) {
    for (const n of byId.values()) {
      if (onChain.has(n.id) || n.kind === 'input' || n.kind === 'output') continue;
      problems.push({
        nodeId: n.id,
        code: 'dangling',
        message: `${nodeLabel(n)} is not on the path from Input to Output: connect it into the chain or delete it.`,
      });
    }
  }

  // 6. Data width.
  if (opts.features !== undefined && !(Number.isInteger(opts.features) && opts.features >= 1)) {
    problems.push({
      nodeId: input?.id ?? null,
      code: 'no_features',
      message: `The data has ${opts.features} feature columns: choose data with at least one feature column besides the target.`,
    });
  }

  const shapes = inferShapes({ nodes: [...byId.values()], edges }, opts.features);
  const loss =
    complete && output !== undefined
      ? checkHead(
          chain.map((id) => byId.get(id)!),
          shapes,
          opts,
          problems,
          notes,
        )
      : null;
  return { ok: problems.length === 0, problems, notes, chain, loss, ...shapes };
}

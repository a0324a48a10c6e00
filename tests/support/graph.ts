/** Small graph documents for tests: a node at a position, a Dense node's default parameters. */
export const graphNode = (id: string, kind: string, params: object, y = 0) => ({
  id,
  kind,
  params,
  position: { x: 0, y },
});

export const denseParams = (units: number) => ({
  units,
  useBias: true,
  initializer: 'glorot_uniform',
  l1: null,
  l2: null,
});

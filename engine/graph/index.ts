/** engine/graph: the document schema, the checker, shapes and the compiler (pure, renderer-safe). */
export * from './document';
export * from './problems';
export * from './shapes';
export * from './validate';
export * from './compile';
export * from './spec-string';
export {
  ACTIVATION_LABELS,
  KINDS,
  LOSS_LABELS,
  isLayerKind,
  kindOf,
  type FieldDef,
  type KindDef,
  type KindParams,
} from './kinds';

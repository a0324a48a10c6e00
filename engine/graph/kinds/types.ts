/**
 * What the product knows about one layer kind, in one place: its saved parameters (zod schema
 * and defaults), its ports, how it sets the width, its parameter count, how it lowers to the
 * engine's ModelSpec, its words for the palette / canvas / inspector, its editable fields and its
 * token in the command line's layer chain. The palette, inspector, canvas, checker, shape
 * inference, compiler and CLI spec parser all read this, so a new kind is one file here plus its
 * entry in the saved-format union (document.ts).
 */
import type { z } from 'zod';
import type { LayerSpec } from '../../train/spec';

/** Features per sample, or null when not known yet. */
export type Width = number | null;

/** The compiler's state while it lowers the chain, node by node. */
export interface LowerContext {
  layers: LayerSpec[];
  /** The last layer is a Dense that has no activation yet (the next Activation may fuse). */
  fusable: boolean;
}

/** What every editable field says about itself. */
interface FieldBase<P> {
  key: keyof P & string;
  label: string;
  /**
   * One sentence on the concept, with the formula where it helps; the inspector shows it beside
   * the label (and screen readers read it with the field).
   */
  help: string;
  /** Shown only when this holds (e.g. the slope for leaky ReLU only). */
  visible?(params: P): boolean;
}

/** One editable parameter as the inspector shows it. */
export type FieldDef<P> =
  | (FieldBase<P> & {
      type: 'number';
      step: number;
      /** Replaces zod's wording when the value is refused. */
      message?: string;
    })
  | (FieldBase<P> & { type: 'boolean' })
  | (FieldBase<P> & {
      type: 'select';
      options: readonly { value: string; label: string }[];
    });

/** The command line's token for a kind, e.g. "dense:16". */
export interface SpecToken<P> {
  /** Token names this kind answers to (the part before ":"). */
  names: readonly string[];
  /** How the usage line lists it, e.g. "dense:UNITS". */
  usage: string;
  /** Params from a name and its optional ":" argument, or why not (a short phrase). */
  parse(name: string, arg: string | undefined): { params: P } | { error: string };
  format(params: P): string;
}

export interface KindDef<K extends string, S extends z.ZodObject> {
  kind: K;
  label: string;
  params: S;
  defaults(): z.infer<S>;
  /** Input has no input port, Output no output port. */
  ports: { in: boolean; out: boolean };
  /**
   * The width this node outputs when it fixes it (Input: the data's features; Dense: its units);
   * undefined for kinds that pass their input's width through.
   */
  width?(params: z.infer<S>, features: number | undefined): Width;
  /** Trainable values given the input width (null when that is unknown). */
  parameterCount(params: z.infer<S>, inWidth: Width): number | null;
  /** Appends this node's ModelSpec layers; kinds without it add nothing (Input, Output, Softmax). */
  lower?(params: z.infer<S>, id: string, ctx: LowerContext): void;
  /** The key parameters in a few words, for the canvas node ("16 units", "ReLU"). */
  summary(params: z.infer<S>): string;
  /** Palette tooltip and inspector text: what it does, and when to use it. */
  doc: { what: string; when: string };
  fields: readonly FieldDef<z.infer<S>>[];
  spec?: SpecToken<z.infer<S>>;
}

/** Keeps the literal kind and the schema's type while checking the definition's shape. */
export const defineKind = <K extends string, S extends z.ZodObject>(
  def: KindDef<K, S>,
): KindDef<K, S> => def;

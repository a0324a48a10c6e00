/**
 * A problem with the user's data. The message is complete on its own (it names the file and,
 * where they apply, the line and column); `details` carries the same facts for the UI.
 */
export type DatasetProblem =
  | 'empty'
  | 'header-only'
  | 'field-count'
  | 'quotes'
  | 'duplicate-header'
  | 'blank-header'
  | 'binary'
  | 'target-missing'
  | 'target-one-class'
  | 'target-all-missing'
  | 'no-features'
  | 'no-rows'
  | 'bad-options'
  | 'too-many-columns'
  | 'too-many-cells';

export interface DatasetErrorDetails {
  problem: DatasetProblem;
  file: string;
  line?: number;
  column?: string;
  /** Line numbers of the first offending rows (field-count problems). */
  lines?: number[];
  [key: string]: unknown;
}

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    message: string,
    readonly details: DatasetErrorDetails,
  ) {
    super(message);
  }
}

/** Counts in words ("1 unit", "2 units"): the one helper, shared with engine/graph's messages. */
export { plural, pluralWord } from '../../engine/graph/plural';

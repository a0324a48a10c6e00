/**
 * The part of onnx.proto (the ONNX IR, proto2) that an exported feed-forward model needs, defined
 * with protobufjs's reflection API. Field numbers and packing follow onnx/onnx.proto.
 */
import protobuf from 'protobufjs/light';

const { Field, OneOf, Root, Type } = protobuf;

type FieldDef = [name: string, id: number, type: string, rule?: 'repeated', packed?: boolean];

function message(name: string, fields: FieldDef[]): protobuf.Type {
  const t = new Type(name);
  for (const [n, id, type, rule, packed] of fields) {
    const f = new Field(n, id, type, rule ?? 'optional');
    if (rule === 'repeated') f.setOption('packed', packed ?? false);
    t.add(f);
  }
  return t;
}

function build(): protobuf.Root {
  const root = new Root();
  const dimension = message('Dimension', [
    ['dimValue', 1, 'int64'],
    ['dimParam', 2, 'string'],
  ]);
  dimension.add(new OneOf('value', ['dimValue', 'dimParam']));
  const shape = message('TensorShapeProto', [['dim', 1, 'Dimension', 'repeated']]);
  const tensorType = message('TensorTypeProto', [
    ['elemType', 1, 'int32'],
    ['shape', 2, 'TensorShapeProto'],
  ]);
  const typeProto = message('TypeProto', [
    ['tensorType', 1, 'TensorTypeProto'],
    ['denotation', 6, 'string'],
  ]);
  const valueInfo = message('ValueInfoProto', [
    ['name', 1, 'string'],
    ['type', 2, 'TypeProto'],
    ['docString', 3, 'string'],
  ]);
  const tensor = message('TensorProto', [
    ['dims', 1, 'int64', 'repeated', true],
    ['dataType', 2, 'int32'],
    ['floatData', 4, 'float', 'repeated', true],
    ['stringData', 6, 'bytes', 'repeated'],
    ['int64Data', 7, 'int64', 'repeated', true],
    ['name', 8, 'string'],
    ['rawData', 9, 'bytes'],
    ['doubleData', 10, 'double', 'repeated', true],
    ['docString', 12, 'string'],
  ]);
  const attribute = message('AttributeProto', [
    ['name', 1, 'string'],
    ['f', 2, 'float'],
    ['i', 3, 'int64'],
    ['s', 4, 'bytes'],
    ['t', 5, 'TensorProto'],
    ['floats', 7, 'float', 'repeated'],
    ['ints', 8, 'int64', 'repeated'],
    ['strings', 9, 'bytes', 'repeated'],
    ['type', 20, 'int32'],
  ]);
  const node = message('NodeProto', [
    ['input', 1, 'string', 'repeated'],
    ['output', 2, 'string', 'repeated'],
    ['name', 3, 'string'],
    ['opType', 4, 'string'],
    ['attribute', 5, 'AttributeProto', 'repeated'],
    ['docString', 6, 'string'],
    ['domain', 7, 'string'],
  ]);
  const graph = message('GraphProto', [
    ['node', 1, 'NodeProto', 'repeated'],
    ['name', 2, 'string'],
    ['initializer', 5, 'TensorProto', 'repeated'],
    ['docString', 10, 'string'],
    ['input', 11, 'ValueInfoProto', 'repeated'],
    ['output', 12, 'ValueInfoProto', 'repeated'],
  ]);
  const opset = message('OperatorSetIdProto', [
    ['domain', 1, 'string'],
    ['version', 2, 'int64'],
  ]);
  const entry = message('StringStringEntryProto', [
    ['key', 1, 'string'],
    ['value', 2, 'string'],
  ]);
  const model = message('ModelProto', [
    ['irVersion', 1, 'int64'],
    ['producerName', 2, 'string'],
    ['producerVersion', 3, 'string'],
    ['domain', 4, 'string'],
    ['modelVersion', 5, 'int64'],
    ['docString', 6, 'string'],
    ['graph', 7, 'GraphProto'],
    ['opsetImport', 8, 'OperatorSetIdProto', 'repeated'],
    ['metadataProps', 14, 'StringStringEntryProto', 'repeated'],
  ]);
  const ns = root.define('onnx');
  for (const t of [
    dimension,
    shape,
    tensorType,
    typeProto,
    valueInfo,
    tensor,
    attribute,
    node,
    graph,
    opset,
    entry,
    model,
  ])
    ns.add(t);
  root.resolveAll();
  return root;
}

let root: protobuf.Root | null = null;

/** The ONNX message types (built once). */
export function onnxType(name: 'ModelProto' | 'TensorProto'): protobuf.Type {
  root ??= build();
  return root.lookupType(`onnx.${name}`);
}

/** TensorProto.DataType values used here. */
export const DT = { FLOAT: 1, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;
/** AttributeProto.AttributeType values used here. */
export const AT = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

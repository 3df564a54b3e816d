// A page's V8 heap snapshot over CDP, read for the soak bench (bench-soak.mjs): what the heap is
// made of, and what grew between two snapshots.
import { writeFileSync } from 'node:fs';

// The split of a snapshot's self sizes (Blink's `native` objects, DOM nodes among them, live
// outside the JS heap and are left out):
// - compiled code: what V8 files as node type `code` (bytecode, machine code, feedback vectors,
//   function infos, scripts);
// - V8 internals: hidden classes and descriptor arrays (`object shape`), `hidden` nodes, arrays
//   named for an internal role, and the tables V8 hangs off its own roots (its "Strong root list":
//   its number-to-string caches grow once, to 48 and 64 kB, when a page turns many numbers into strings);
// - console messages: what the page logged, kept alive only by the console's handles (V8 keeps the
//   last 1,000 messages for DevTools, attached or not);
// - script objects: everything else, what the page's scripts hold (objects, arrays and the
//   "(object elements)", "(object properties)" and tables behind them, strings, closures, numbers).
export const HEAP_PARTS = ['compiled code', 'V8 internals', 'console messages', 'script objects'];
const SCRIPT_ARRAYS = new Set(['', '(object elements)', '(object properties)']);
const CONSOLE_HANDLE = /DevTools console$/;
const V8_ROOTS = '(Strong root list)';

function partOf(type, name) {
  if (type === 'code') return 'compiled code';
  if (type === 'hidden' || type === 'object shape' || type === 'synthetic') return 'V8 internals';
  if (type === 'array' && !SCRIPT_ARRAYS.has(name)) return 'V8 internals';
  return 'script objects';
}

/** Takes a heap snapshot of the page behind `cdp` and reads it (readHeapSnapshot); `saveTo` (a path) also keeps the raw snapshot, for DevTools. */
export async function takeHeapSnapshot(cdp, saveTo) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const text = chunks.join('');
  if (saveTo) writeFileSync(saveTo, text);
  return readHeapSnapshot(JSON.parse(text));
}

/**
 * Sums a parsed snapshot's nodes: `parts` by HEAP_PARTS (bytes), `kinds` by constructor for
 * objects, closures and native objects, by root name for V8's root tables and by type otherwise:
 * name → { count, bytes }.
 */
export function readHeapSnapshot(heap) {
  const { snapshot, nodes, strings } = heap;
  const fields = snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const typeNames = snapshot.meta.node_types[0];
  const { rootTables, logged } = holders(heap);
  const parts = new Map(HEAP_PARTS.map((part) => [part, 0]));
  const kinds = new Map();
  for (let node = 0; node < nodes.length / fields.length; node++) {
    const i = node * fields.length;
    const type = typeNames[nodes[i + typeAt]];
    const name = strings[nodes[i + nameAt]];
    const bytes = nodes[i + sizeAt];
    // V8 files some of its root tables as `native` (the double-to-string cache): they count all the same.
    let part = rootTables.has(node) ? 'V8 internals' : partOf(type, name);
    if (part === 'script objects' && logged(node)) part = 'console messages';
    if (type !== 'native' || rootTables.has(node)) parts.set(part, parts.get(part) + bytes);
    const kind = rootTables.has(node) ? `(V8 root) ${rootTables.get(node)}` : ['object', 'native', 'closure'].includes(type) ? name.slice(0, 70) : `(${type})`;
    const sum = kinds.get(kind) ?? { count: 0, bytes: 0 };
    sum.count += 1;
    sum.bytes += bytes;
    kinds.set(kind, sum);
  }
  return { parts, kinds };
}

/**
 * `rootTables`: the nodes V8's strong root list points at, by root name. `logged(node)`: whether
 * the node is reachable only through the console's handles: everything reachable from the
 * snapshot's root without them is walked first (weak edges keep nothing alive), then what they add.
 */
function holders({ snapshot, nodes, edges, strings }) {
  const [nodeFields, edgeFields] = [snapshot.meta.node_fields, snapshot.meta.edge_fields];
  const [edgeCountAt, nodeNameAt] = [nodeFields.indexOf('edge_count'), nodeFields.indexOf('name')];
  const [typeAt, nameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((field) => edgeFields.indexOf(field));
  const edgeTypes = snapshot.meta.edge_types[0];
  const count = nodes.length / nodeFields.length;
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0; node < count; node++) firstEdge[node + 1] = firstEdge[node] + nodes[node * nodeFields.length + edgeCountAt] * edgeFields.length;
  const edgesOf = function* (node) {
    for (let e = firstEdge[node]; e < firstEdge[node + 1]; e += edgeFields.length) {
      const type = edgeTypes[edges[e + typeAt]];
      const named = type !== 'element' && type !== 'hidden';
      yield { type, name: named ? strings[edges[e + nameAt]] : '', to: edges[e + toAt] / nodeFields.length };
    }
  };

  const rootTables = new Map();
  const reached = new Uint8Array(count);
  const consoleHandles = [];
  const walk = (starts) => {
    const stack = starts.filter((node) => !reached[node]);
    for (const node of stack) reached[node] = 1;
    while (stack.length > 0) {
      const node = stack.pop();
      const v8Roots = strings[nodes[node * nodeFields.length + nodeNameAt]] === V8_ROOTS;
      for (const edge of edgesOf(node)) {
        if (v8Roots) rootTables.set(edge.to, edge.name);
        if (edge.type === 'weak' || reached[edge.to]) continue;
        if (CONSOLE_HANDLE.test(edge.name)) consoleHandles.push(edge.to);
        else {
          reached[edge.to] = 1;
          stack.push(edge.to);
        }
      }
    }
  };
  walk([0]);
  const held = reached.slice();
  walk(consoleHandles);
  return { rootTables, logged: (node) => reached[node] === 1 && held[node] === 0 };
}

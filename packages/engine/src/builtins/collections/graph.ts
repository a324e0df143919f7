/** walk (relation over every [path, value] of a document) and graph reachability. */
import { operandError, type BuiltinDecl } from '../define.js';
import { argObject } from '../args.js';
import { T } from '../signature.js';
import { RSet, compare, isObject, objectEntries, objectGet, type ObjectValue, type Value } from '../../value/types.js';

/** Every node of a value as [path, value], pre-order; object keys and set members in sorted order. */
export function walkValue(root: Value): Value[] {
  const out: Value[] = [];
  const path: Value[] = [];
  const visit = (v: Value): void => {
    out.push([[...path], v]);
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        path.push(i);
        visit(x);
        path.pop();
      });
    } else if (v instanceof RSet) {
      for (const x of v.sorted()) {
        path.push(x);
        visit(x);
        path.pop();
      }
    } else if (isObject(v)) {
      for (const [k, x] of objectEntries(v).sort((a, b) => compare(a[0], b[0]))) {
        path.push(k);
        visit(x);
        path.pop();
      }
    }
  };
  visit(root);
  return out;
}

/** Vertices of an edge collection; anything but an array or set has none. */
function vertices(c: Value | undefined): Value[] {
  if (Array.isArray(c)) return c;
  if (c instanceof RSet) return c.sorted();
  return [];
}

function initialVertices(v: Value): Value[] {
  if (Array.isArray(v) || v instanceof RSet) return vertices(v);
  throw operandError(2, v, '{array, set}');
}

function reachable(graph: ObjectValue, initial: Value[]): RSet {
  const reached = new RSet();
  const queue = [...initial];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    const edges = objectGet(graph, node);
    if (edges === undefined) continue;
    for (const n of vertices(edges)) if (!reached.has(n)) queue.push(n);
    reached.add(node);
  }
  return reached;
}

/** Depth-first extension of `path` through `node`, committing a path at leaves, cycles and unknown nodes. */
function extendPaths(graph: ObjectValue, node: Value, path: Value[], seen: RSet, out: RSet): void {
  const edges = objectGet(graph, node);
  if (edges === undefined) {
    out.add(path);
    return;
  }
  const here = [...path, node];
  const next = vertices(edges);
  if (next.length === 0) {
    out.add(here);
    return;
  }
  const seenHere = new RSet(seen).add(node);
  for (const n of next) {
    if (seenHere.has(n)) out.add(here);
    else extendPaths(graph, n, here, seenHere, out);
  }
}

const edgesType = T.object(T.any, T.union(T.array(), T.set()));
const verticesType = T.union(T.array(), T.set());

export const graphBuiltins: BuiltinDecl[] = [
  {
    name: 'walk',
    params: [{ name: 'x', type: T.any, description: 'the document to traverse' }],
    result: T.array(T.union(T.array(), T.any)),
    category: 'graph',
    description: 'Generates a [path, value] pair for every node of a document, the document itself included (path []).',
    relation: true,
    impl(args) {
      return walkValue(args[0]);
    },
  },
  {
    name: 'graph.reachable',
    params: [
      { name: 'graph', type: edgesType, description: 'an object mapping each vertex to an array or set of neighbours' },
      { name: 'initial', type: verticesType, description: 'the starting vertices' },
    ],
    result: T.set(),
    category: 'graph',
    description: 'Returns the set of vertices of a graph reachable from the initial vertices (those that are in the graph).',
    impl(args) {
      const graph = argObject(args, 0);
      return reachable(graph, initialVertices(args[1]));
    },
  },
  {
    name: 'graph.reachable_paths',
    params: [
      { name: 'graph', type: edgesType, description: 'an object mapping each vertex to an array or set of neighbours' },
      { name: 'initial', type: verticesType, description: 'the starting vertices' },
    ],
    result: T.set(T.array()),
    category: 'graph',
    description: 'Returns every path through a graph from the initial vertices, each ending at a leaf, a cycle or a vertex not in the graph.',
    impl(args) {
      const graph = argObject(args, 0);
      const out = new RSet();
      for (const node of initialVertices(args[1])) {
        const edges = objectGet(graph, node);
        if (edges === undefined) continue;
        const next = vertices(edges);
        if (next.length === 0) out.add([node]);
        else for (const n of next) extendPaths(graph, n, [node], new RSet([node]), out);
      }
      return out;
    },
  },
];

/**
 * The browser-only half of NetworkGraph: graphology + ForceAtlas2 + sigma. NetworkGraph imports this module
 * dynamically, so these libraries (~100 kB gzipped) load only on pages that draw a network, and never on the server.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { cleanEdges, EDGE_COLOUR, seedNodes, type PositionedNode } from './layout';
import type { NetworkEdge, NetworkNode } from './types';

/** Enough for a few hundred nodes to settle; fixed so the layout is the same on every visit. */
const LAYOUT_ITERATIONS = 200;

export interface NetworkView {
  /** Nodes in the graph, with their final positions. */
  nodes: PositionedNode[];
  /** Marks one node (keyboard focus) or none, and redraws. */
  highlight(id: string | null): void;
  destroy(): void;
}

export function mountNetworkView(
  container: HTMLElement,
  input: { nodes: readonly NetworkNode[]; edges: readonly NetworkEdge[] },
  handlers: { onNodeClick(node: PositionedNode): void; onNodeHover(node: PositionedNode | null): void }
): NetworkView {
  const seeded = seedNodes(input.nodes);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  // The focus always keeps its label: it is what the drawing is about.
  for (const node of seeded) graph.addNode(node.id, { ...node, highlighted: false, forceLabel: node.kind === 'focus' });
  for (const edge of cleanEdges(input.nodes, input.edges)) {
    graph.addEdge(edge.source, edge.target, { color: EDGE_COLOUR, size: 1 });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: LAYOUT_ITERATIONS,
      // inferSettings picks gravity and damping for the graph's size; a larger scaling ratio than its default
      // spreads partners of partners out so the labels of neighbouring partners overprint less.
      settings: { ...forceAtlas2.inferSettings(graph), scalingRatio: 20 }
    });
  }

  const renderer = new Sigma(graph, container, {
    labelFont: 'system-ui, sans-serif',
    labelSize: 13,
    labelWeight: '600',
    labelColor: { color: '#1c2530' },
    // Partners (size 9) and the focus get labels; partners of partners show theirs on hover only.
    labelRenderedSizeThreshold: 7,
    // Fewer labels than sigma's default so neighbouring ones do not overprint; hovering shows any node's name.
    labelDensity: 0.5,
    labelGridCellSize: 140,
    zIndex: true,
    stagePadding: 24,
    // A container can be zero-sized for a moment (a collapsed section, a phone rotating, the page being left):
    // sigma would throw from its resize handler; it redraws when the container has a size again.
    allowInvalidContainer: true
  });

  const attributesOf = (id: string) => graph.getNodeAttributes(id) as PositionedNode;
  renderer.on('clickNode', ({ node }) => handlers.onNodeClick(attributesOf(node)));
  renderer.on('enterNode', ({ node }) => {
    container.style.cursor = attributesOf(node).href ? 'pointer' : 'default';
    handlers.onNodeHover(attributesOf(node));
  });
  renderer.on('leaveNode', () => {
    container.style.cursor = 'default';
    handlers.onNodeHover(null);
  });

  let highlighted: string | null = null;
  return {
    nodes: graph.mapNodes((id) => attributesOf(id)),
    highlight(id) {
      if (highlighted && graph.hasNode(highlighted)) graph.setNodeAttribute(highlighted, 'highlighted', false);
      highlighted = id && graph.hasNode(id) ? id : null;
      if (highlighted) graph.setNodeAttribute(highlighted, 'highlighted', true);
    },
    destroy() {
      renderer.kill();
    }
  };
}

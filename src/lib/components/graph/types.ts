/** The data NetworkGraph draws: plain objects, so pages can build them from any query. */
export type NetworkNodeKind = 'focus' | 'partner' | 'second' | 'member';

export interface NetworkNode {
  id: string;
  label: string;
  /** How the node relates to the page's subject; drives colour, size and label priority. Default 'partner'. */
  kind?: NetworkNodeKind;
  /** Where clicking the node (or Enter while it is highlighted) goes. */
  href?: string;
}

export interface NetworkEdge {
  source: string;
  target: string;
}

// Types for the reference packages the bench compares against (they ship none).
declare module 'dom-anchor-text-position' {
  export function fromRange(root: Node, range: Range): { start: number; end: number };
  export function toRange(root: Node, selector: { start: number; end: number }): Range;
}
declare module 'dom-anchor-text-quote' {
  export interface Quote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function fromRange(root: Node, range: Range): Quote;
  export function toRange(root: Node, selector: Quote, options?: { hint?: number }): Range | null;
}

// CommonJS packages typed with `export default`: TypeScript (NodeNext) sees a namespace, Node hands over the function.

/** The callable export of a CommonJS package, whichever way the module system wrapped it. */
export function interopDefault<T>(mod: { default: T }): T {
  const inner = (mod as { default?: unknown }).default;
  return (typeof inner === "function" ? inner : mod) as T;
}

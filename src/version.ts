// The generator string written into every graph; changes with the package version only.
export const VERSION = "0.1.0";
export const GENERATOR = `kgraph ${VERSION}`;

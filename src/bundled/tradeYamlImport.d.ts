// esbuild loads *.trade.yaml files at build time (see precompiledKnowledge in esbuild.mjs).
declare module '*.trade.yaml' {
  /** What loading the file gives; the build fails if it has any problem. */
  export const knowledge: import('../core/knowledge/types').KnowledgeFile;
}

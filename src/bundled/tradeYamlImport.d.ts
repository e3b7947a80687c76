// esbuild loads *.trade.yaml files at build time (see precompiledKnowledge in esbuild.mjs).
declare module '*.trade.yaml' {
  /** The file's text, to show it. */
  export const text: string;
  /** What loading the text gives; the build fails if it has any problem. */
  export const knowledge: import('../core/knowledge/types').KnowledgeFile;
}

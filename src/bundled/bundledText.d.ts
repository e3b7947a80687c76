// esbuild embeds *.trade.yaml files as text (see esbuild.mjs).
declare module '*.trade.yaml' {
  const text: string;
  export default text;
}

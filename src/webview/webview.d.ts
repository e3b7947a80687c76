// The webview's globals and its style imports (esbuild writes them to a .css file beside the script).
declare module '*.css';

/** VS Code's handle on the webview host; callable once per page. */
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

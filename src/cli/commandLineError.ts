/** A failure the user can act on (a wrong argument, a path that does not exist): its message is printed, and the exit code is 2. */
export class CommandLineError extends Error {}

/** The exit codes of every command. */
export const ExitCode = {
  /** Nothing at or above the threshold. */
  clean: 0,
  /** Findings at or above `--fail-on`. */
  findings: 1,
  /** Wrong usage, or a failure to read or write what the command needs. */
  failure: 2,
} as const;

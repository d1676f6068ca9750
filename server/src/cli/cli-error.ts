// A CLI failure the operator can act on: printed without a stack trace, with
// its exit code (1: the command failed; 2: the command line was wrong).
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);

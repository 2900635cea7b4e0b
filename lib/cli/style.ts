/**
 * Terminal styling of the `quoine` command: bold and colour only when stdout is a terminal and
 * NO_COLOR (https://no-color.org) is unset or empty; plain text otherwise, so that piped output
 * and logs carry no ANSI escape.
 */

/** Whether stdout may carry ANSI escapes. */
export function stylesOutput(
  stream: { readonly isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/** `text` in bold, if stdout takes styles. */
export function bold(text: string): string {
  return stylesOutput() ? `\u001b[1m${text}\u001b[0m` : text;
}

/** `text` in cyan, if stdout takes styles. */
export function cyan(text: string): string {
  return stylesOutput() ? `\u001b[36m${text}\u001b[0m` : text;
}

/** Clears the screen before a redraw, if stdout takes escapes; else separates frames with a blank line. */
export function clearScreen(): string {
  return stylesOutput() ? '\u001b[2J\u001b[H' : '\n';
}

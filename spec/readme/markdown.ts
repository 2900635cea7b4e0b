/** Sections and tables of a Markdown document, for specs that hold the README to the code. */

/** The text under the heading `title` (any level), up to the next heading of the same or a higher level. */
export function section(markdown: string, title: string): string {
  const lines = markdown.split(/\r?\n/);
  const heading = headingLevels(lines);
  const start = lines.findIndex((line, i) => heading[i] !== undefined && line.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`README.md has no heading "${title}"`);
  const level = heading[start] ?? 1;
  const end = lines.findIndex((_, i) => i > start && (heading[i] ?? 7) <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The heading level of each line that is a heading (a `# comment` inside a code fence is not). */
function headingLevels(lines: readonly string[]): Array<number | undefined> {
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (
      marker !== undefined &&
      (fence === undefined || (fence.startsWith(marker.charAt(0)) && marker.length >= fence.length))
    ) {
      fence = fence === undefined ? marker : undefined;
      return undefined;
    }
    return fence === undefined ? /^(#{1,6}) /.exec(line)?.[1]?.length : undefined;
  });
}

/** The body rows (cells trimmed) of the first table in `text` whose header's first cell is `firstHeader`. */
export function tableRows(text: string, firstHeader: string): string[][] {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((line) => cells(line)[0] === firstHeader);
  if (header < 0) throw new Error(`no table with the header "${firstHeader}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows;
}

/** The `code spans` of a cell, in order. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}

function cells(line: string): string[] {
  if (!line.startsWith('|')) return [];
  // A `|` inside a code span is escaped as `\|` in GitHub tables.
  return line
    .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * The fenced code blocks of a Markdown document (CommonMark fences: ``` or ~~~, up to three
 * spaces of indentation, a closing fence of the same character at least as long), and which of
 * them are examples the README spec compiles and runs.
 */

/** A fenced code block. */
export interface CodeBlock {
  /** The first word of the info string (`ts` in "```ts title"), lower-cased; '' when none. */
  readonly lang: string;
  /** The block's text without the fences, de-indented by the opening fence's indentation. */
  readonly code: string;
  /** 1-based line of the document where the code starts (the line after the opening fence). */
  readonly line: number;
}

/** How an example block is compiled and run. */
export type ExampleKind = 'ts' | 'js';

const OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Every fenced code block of `markdown`, in order. An unterminated fence is an error, not a block. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = OPEN.exec(lines[i] ?? '');
    if (open === null) continue;
    const [, indent = '', fence = '', info = ''] = open;
    if (fence.startsWith('`') && info.includes('`')) continue; // not a fence: a backtick in the info string
    const close = new RegExp(`^ {0,3}${fence.startsWith('`') ? '`' : '~'}{${fence.length},}\\s*$`);
    const end = lines.findIndex((line, j) => j > i && close.test(line));
    if (end < 0) throw new Error(`line ${i + 1}: the code fence ${fence} is never closed`);
    const body = lines.slice(i + 1, end).map((line) => stripIndent(line, indent.length));
    blocks.push({ lang: (info.trim().split(/\s+/)[0] ?? '').toLowerCase(), code: body.join('\n'), line: i + 2 });
    i = end;
  }
  return blocks;
}

/**
 * Which kind of example a block's language makes it: `ts`/`typescript`/`mts` and
 * `js`/`javascript`/`mjs` are examples; other languages (`sh`, none …) are not. Languages a user
 * would take for code but the spec cannot run as an ES module are refused, so they cannot slip
 * into the README unchecked.
 */
export function exampleKind(lang: string): ExampleKind | undefined {
  if (['ts', 'typescript', 'mts'].includes(lang)) return 'ts';
  if (['js', 'javascript', 'mjs'].includes(lang)) return 'js';
  if (['tsx', 'jsx', 'cts', 'cjs', 'node'].includes(lang)) {
    throw new Error(
      `\`\`\`${lang} blocks cannot be checked: write the example as an ES module in \`\`\`ts or \`\`\`js`,
    );
  }
  return undefined;
}

/** Removes up to `n` leading spaces (CommonMark de-indents fenced content by the fence's indentation). */
function stripIndent(line: string, n: number): string {
  let cut = 0;
  while (cut < n && line[cut] === ' ') cut += 1;
  return line.slice(cut);
}

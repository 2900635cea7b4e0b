/**
 * Type-checks files with the TypeScript compiler API under the repository's own strict settings
 * (its tsconfig.json: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess …), as a user's
 * project with those settings would.
 */
import ts from 'typescript';

/** The repository's compiler options, made fit for a consumer project: no emit, no rootDir, JS checked too, Node and mocha globals. */
export function strictOptions(tsconfigPath: string): Record<string, unknown> {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const { rootDir: _rootDir, ...options } = (read.config as { compilerOptions: Record<string, unknown> })
    .compilerOptions;
  return { ...options, noEmit: true, allowJs: true, checkJs: true, types: ['node', 'mocha'] };
}

/** Every diagnostic of each file (none: an empty list), as `line:column message` with 1-based positions in the file. */
export function typeCheck(
  files: readonly string[],
  options: Record<string, unknown>,
  projectDir: string,
): Map<string, Diagnostic[]> {
  const converted = ts.convertCompilerOptionsFromJson(options, projectDir);
  if (converted.errors.length > 0)
    throw new Error(converted.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  const program = ts.createProgram(files, converted.options);
  const global = program.getOptionsDiagnostics().concat(program.getGlobalDiagnostics());
  if (global.length > 0)
    throw new Error(global.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  const result = new Map<string, Diagnostic[]>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is not part of the program`);
    const found = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    result.set(
      file,
      found.map((d) => describe(d, source)),
    );
  }
  return result;
}

/** One compiler diagnostic, located in its file. */
export interface Diagnostic {
  /** 1-based line in the file. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The compiler's message, e.g. `TS2304: Cannot find name 'client'.` */
  readonly message: string;
}

function describe(diagnostic: ts.Diagnostic, source: ts.SourceFile): Diagnostic {
  const at = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return {
    line: at.line + 1,
    column: at.character + 1,
    message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
  };
}

/** The module specifiers a source text imports (static imports, re-exports and dynamic `import('…')`). */
export function importsOf(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName);
}

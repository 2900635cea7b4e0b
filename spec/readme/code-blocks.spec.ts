import { expect } from 'chai';
import { codeBlocks, exampleKind } from './code-blocks.js';

describe('README code blocks: extraction', () => {
  it('finds backtick and tilde fences with their language and the line their code starts on', () => {
    const md = [
      '# T',
      '',
      '```ts',
      'const a = 1;',
      '```',
      'text',
      '~~~~js title',
      'b();',
      '~~~~',
      '```',
      'plain',
      '```',
    ].join('\n');
    expect(codeBlocks(md)).to.deep.equal([
      { lang: 'ts', code: 'const a = 1;', line: 4 },
      { lang: 'js', code: 'b();', line: 8 },
      { lang: '', code: 'plain', line: 11 },
    ]);
  });

  it('closes a fence only with the same character, at least as long, and keeps shorter fences inside', () => {
    const md = ['````ts', '```', '~~~', 'x();', '````'].join('\n');
    expect(codeBlocks(md)).to.deep.equal([{ lang: 'ts', code: '```\n~~~\nx();', line: 2 }]);
  });

  it("de-indents by the opening fence's indentation (a fence inside a list item), CRLF or not", () => {
    const md = ['- item', '', '  ```ts', '  if (x) {', '    y();', '  }', '  ```'].join('\r\n');
    expect(codeBlocks(md)).to.deep.equal([{ lang: 'ts', code: 'if (x) {\n  y();\n}', line: 4 }]);
  });

  it('refuses an unterminated fence instead of dropping the example', () => {
    expect(() => codeBlocks('text\n```ts\nconst a = 1;\n')).to.throw(/line 2: the code fence ``` is never closed/);
  });

  it('does not take inline code or a four-space-indented fence for a block', () => {
    expect(codeBlocks('use ```ts x``` inline\n\n    ```ts\n    code\n    ```\n')).to.deep.equal([]);
  });

  it('makes ts and js blocks examples, ignores shell and text, and refuses languages it cannot run', () => {
    expect(['ts', 'typescript', 'mts', 'js', 'javascript', 'mjs'].map(exampleKind)).to.deep.equal([
      'ts',
      'ts',
      'ts',
      'js',
      'js',
      'js',
    ]);
    expect(['sh', 'bash', 'json', ''].map(exampleKind)).to.deep.equal([undefined, undefined, undefined, undefined]);
    for (const lang of ['tsx', 'cjs', 'cts']) expect(() => exampleKind(lang)).to.throw(/cannot be checked/);
  });
});

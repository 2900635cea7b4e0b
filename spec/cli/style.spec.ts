/** When the command may style its output: a terminal, and NO_COLOR unset or empty (no-color.org). */
import { expect } from 'chai';
import { stylesOutput } from '../../lib/cli/style.js';

describe('quoine output styling', () => {
  it('styles only a terminal without NO_COLOR', () => {
    expect(stylesOutput({ isTTY: true }, {})).to.equal(true);
    expect(stylesOutput({ isTTY: true }, { NO_COLOR: '' })).to.equal(true);
    expect(stylesOutput({ isTTY: true }, { NO_COLOR: '1' })).to.equal(false);
    expect(stylesOutput({ isTTY: false }, {})).to.equal(false);
    expect(stylesOutput({}, {})).to.equal(false);
  });
});

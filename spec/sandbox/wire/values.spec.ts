import { expect } from 'chai';
import { Decimal } from '../../../lib/sandbox/exchange/index.js';
import { decimalText, timestampText } from '../../../lib/sandbox/wire/serializers/values.js';

describe('sandbox wire: decimal and time text', () => {
  it('prints decimals as the Rails server did: exact, at least one fractional digit, no exponent', () => {
    expect(
      ['976382', '0', '0.01', '1e-9', '12345678901234567.5'].map((v) => decimalText(new Decimal(v))),
    ).to.deep.equal(['976382.0', '0.0', '0.01', '0.000000001', '12345678901234567.5']);
    expect(timestampText(1596962820.9996)).to.equal('1596962821.000');
    expect(timestampText(1632493065.665)).to.equal('1632493065.665');
  });
});

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { httpClient, jsonType, lossless, startTestSandbox } from './helpers.js';
import { runScenario, type ScenarioResponses } from './scenario.js';
import { fixture, shapeDifferences } from './shape.js';

interface IndexEntry {
  readonly name: string;
  readonly paginated: boolean;
}

const index = JSON.parse(
  readFileSync(new URL('../../../fixtures/index.json', import.meta.url), 'utf8'),
) as IndexEntry[];

/** Elements a list body must hold for its shape check to mean something. */
function listOf(body: unknown, paginated: boolean): unknown[] | undefined {
  if (paginated) return (body as { models: unknown[] }).models;
  return Array.isArray(body) ? body : undefined;
}

for (const profile of ['quoine', 'liquid'] as const) {
  describe(`sandbox wire shapes, ${profile} profile (keys and JSON types of fixtures/${profile})`, () => {
    let sandbox: Sandbox;
    let responses: ScenarioResponses;

    before(async () => {
      sandbox = await startTestSandbox({ profile, rateLimit: false });
      responses = await runScenario(sandbox, httpClient(sandbox));
    });

    after(async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
      await sandbox?.close();
    });

    it('the scenario reached every endpoint of fixtures/index.json', () => {
      expect([...responses.keys()].sort()).to.deep.equal(index.map((entry) => entry.name).sort());
    });

    for (const entry of index) {
      it(`${entry.name}: same keys and JSON types as the fixture`, () => {
        const response = responses.get(entry.name);
        expect(response, 'response recorded').to.not.equal(undefined);
        expect(response!.headers['content-type']).to.equal('application/json; charset=utf-8');
        const body = lossless(response!.body);
        const list = listOf(body, entry.paginated);
        if (list !== undefined) expect(list, 'a non-empty list, so its rows are compared').to.not.have.length(0);
        const expected = fixture(profile, entry.name);
        expect(jsonType(body)).to.equal(jsonType(expected));
        expect(shapeDifferences(body, expected, '$', ['conditions'])).to.deep.equal([]);
      });
    }
  });
}

/**
 * TypeDoc plugin: the README's links into the built reference (`docs/classes/quoine.Orders.html`)
 * work in a clone after `npm run docs`, but the reference's front page is the README again, where
 * the same text would point at `docs/docs/…`. Each such link is resolved here to the reflection it
 * names, so TypeDoc writes the right URL; a link naming nothing, or a README link to a missing file,
 * fails the build. (This replaces TypeDoc's `invalidPath` check for the README, which typedoc.json
 * turns off because it would reject the `docs/` links: nothing is built yet when they are parsed.)
 */
import path from 'node:path';
import { Converter } from 'typedoc';

/** `docs/<kind folder>/<module>.<name>.html`, as TypeDoc names a page of a multi-module project. */
const REFERENCE_PAGE = /^docs\/[a-z]+\/(\w+)\.(\w+)\.html$/;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const { project } = context;
    const readme = path.resolve(app.options.getValue('readme'));
    for (const part of project.readme ?? []) {
      if (part.kind !== 'relative-link' || part.target !== undefined) continue;
      const page = REFERENCE_PAGE.exec(part.text);
      const target = page ? project.getChildByName([page[1], page[2]]) : undefined;
      if (!target) {
        app.logger.error(`README.md links to ${part.text}, which is neither a file nor a page of the reference`);
        continue;
      }
      const absolute = path.resolve(path.dirname(readme), part.text).replaceAll('\\', '/');
      project.files.registerReflectionPath(absolute, target);
      part.target = project.files.registerAbsolute(absolute).target;
    }
  });
}

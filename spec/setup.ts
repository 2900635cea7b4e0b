// Loaded once by mocha before any spec: entities need reflect-metadata evaluated first.
import 'reflect-metadata';

// The specs choose every URL and credential themselves: a developer's shell settings for the
// quoine command (QUOINE_BASE_URL, QUOINE_TOKEN_ID, …) must not leak into them.
for (const name of Object.keys(process.env)) if (name.startsWith('QUOINE_')) Reflect.deleteProperty(process.env, name);

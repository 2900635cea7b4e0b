/**
 * The package version, sent in the User-Agent (a spec keeps it equal to package.json's).
 * @group Client
 */
export const VERSION = '0.1.0';

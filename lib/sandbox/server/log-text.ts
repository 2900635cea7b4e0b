/** Longest piece of request data put into one log line. */
const MAX_LOGGED_CHARS = 200;

/**
 * Request data made safe for a log line: quoted and escaped like a JSON string (so control
 * characters, CR/LF and quotes cannot forge lines or terminal escapes), with line separators,
 * bidirectional overrides and other invisible format characters escaped too, and cut to 200
 * characters. Everything a request supplies goes through this before it is logged.
 */
export function logText(value: string): string {
  const cut = value.length > MAX_LOGGED_CHARS ? `${value.slice(0, MAX_LOGGED_CHARS)}…` : value;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

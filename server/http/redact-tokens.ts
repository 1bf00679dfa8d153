/**
 * Text for the log with anything shaped like an access token cut to `qv_…`. Tokens travel in
 * the Authorization header, which is never logged; but a rep who pastes the token into the
 * Server URL field sends it in the path, and a path is logged.
 */
export function redactTokens(text: string): string {
  return text.replace(/qv_[A-Za-z0-9_-]*/g, 'qv_…');
}

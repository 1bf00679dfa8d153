import type { Context } from 'hono';
import { ApiProblem } from './api-problem';

/** The request body as JSON, or a 400 that says it is not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiProblem(400, 'invalid_json', 'the request body is empty; send JSON');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new ApiProblem(400, 'invalid_json', `the request body is not valid JSON${reason}`);
  }
}

import { z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE } from './problem';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ description: 'The request id, also in the server log.' }),
    code: z.string(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem');

/** OpenAPI `responses` entries for problem+json answers. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'application/problem+json (RFC 9457)',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  );
}

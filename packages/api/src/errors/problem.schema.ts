import { z } from '@hono/zod-openapi';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import { PROBLEM_CONTENT_TYPE } from './problem';

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      format: 'uri-reference',
      description: 'Where this problem type is explained: /api/problems/{code}.',
      example: '/api/problems/validation_failed',
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ description: 'The request id, also in the server log.' }),
    code: z.enum(codes),
    invalidParams: z
      .array(
        z.object({
          name: z.string().openapi({ description: 'A dotted field path or a parameter name.' }),
          reason: z.string(),
        }),
      )
      .optional(),
    text: z
      .object({ nl: z.string(), en: z.string() })
      .optional()
      .openapi({
        description:
          'Any refusal a person can meet, as she reads it, in Dutch and English (the screen ' +
          'shows the language of the page); `detail` is its English. Absent on problems only ' +
          'programs meet (e.g. a malformed request); no sentence names a code.',
      }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details; more members may follow.' });

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

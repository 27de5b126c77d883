import { z } from 'zod';
import { actionParams, delayParams, guardParams } from './vocabulary.params';

export interface ParamSchema {
  type?: string;
  properties?: Record<string, ParamSchema>;
  required?: string[];
  enum?: (string | number | boolean)[];
  items?: ParamSchema;
  minimum?: number;
  maximum?: number;
  anyOf?: ParamSchema[];
}

type Vocabulary = Record<'guards' | 'actions' | 'delays', Record<string, ParamSchema>>;
let cache: Vocabulary | undefined;

function toJson(record: Record<string, z.ZodType>): Record<string, ParamSchema> {
  return Object.fromEntries(
    Object.entries(record).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as ParamSchema,
    ]),
  );
}

/** JSON Schema of the parameters of every guard, action and delay kind, for editors' forms. */
export function vocabularyParamSchemas(): Vocabulary {
  cache ??= {
    guards: toJson(guardParams),
    actions: toJson(actionParams),
    delays: toJson(delayParams),
  };
  return cache;
}

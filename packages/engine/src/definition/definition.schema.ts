import { z } from 'zod';
import { ROLES } from '../core/engine.types';
import {
  ACTION_NAMES,
  actionParams,
  DELAY_KINDS,
  delayParams,
  GUARD_NAMES,
  guardParams,
} from '../vocabulary/vocabulary.params';

const localized = z.object({ nl: z.string(), en: z.string() });

import { STATE_TAGS } from './state-tags';

export { STATE_TAGS, type StateTag } from './state-tags';

const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and _ only');

/**
 * How an integer form field (`display`) or integer payload field (`x-display`) is read: absent,
 * a quantity with the language's thousands separator; `code`, the digits as written.
 */
export const INTEGER_DISPLAYS = ['code'] as const;
export type IntegerDisplay = (typeof INTEGER_DISPLAYS)[number];

/**
 * A field's label speaks to the applicant ("Naam van uw initiatief"); `staffLabel` names it for
 * anyone else who reads or fills in its answer (staff, the desk, whoever acts for the applicant):
 * "Naam van het initiatief". Absent: the label (fieldLabel). A list's own fields may carry one too.
 */
const fieldBase = {
  key: identifier,
  label: localized,
  staffLabel: localized.optional(),
  help: localized.optional(),
  required: z.boolean().optional(),
  /**
   * The question is asked only when an earlier yes/no question or choice list (`field`) holds one
   * of these answers (`true`/`false`, or choices): "Voor welk jaar en welk bedrag?" only after Ja
   * to "Heeft u eerder subsidie gekregen?". Not asked, it is not required and takes no answer
   * (form-show-when.ts; checked by definition.form-show-when-rules.ts).
   */
  showWhen: z
    .object({ field: z.string(), in: z.array(z.union([z.string(), z.boolean()])) })
    .strict()
    .optional(),
};

/**
 * The kinds of answer a question with one value can have. `confirm` is a statement the applicant
 * ticks ("Ik ben 18 jaar of ouder", "Ik heb dit naar waarheid ingevuld"): `true` once ticked;
 * required, it must be ticked before the form is complete. `yesno` is a question answered Ja or
 * Nee ("Is de activiteit toegankelijk voor mensen met een beperking?"): `true` or `false`;
 * required, one of the two must be chosen (Nee is an answer), optional and unanswered, absent.
 */
export const SCALAR_FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'money',
  'date',
  'iban',
  'postcode',
  'select',
  'confirm',
  'yesno',
] as const;

export const scalarFieldSchema = z
  .object({
    ...fieldBase,
    type: z.enum(SCALAR_FIELD_TYPES),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(0).optional(),
    min: z.int().optional(),
    max: z.int().optional(),
    pattern: z.string().optional(),
    options: z.array(z.string()).optional(),
    /**
     * Choice lists only: the words of each option in Dutch and English, by the option's value
     * (`{ "straatfeest": { "nl": "Straatfeest", "en": "Street party" } }`). The value is what is
     * stored and sent; people read the words (optionLabel). Absent: each option reads as its
     * value, as before. Present: every option has words in both languages, and every key is an
     * option (definition.form-rules.ts, definition.text-rules.ts).
     */
    optionLabels: z.record(z.string(), localized).optional(),
    /**
     * Integer fields only: `code` when the whole number is a code rather than a quantity (a year,
     * a house number, a registration number), shown as written ("2026"), never with a thousands
     * separator ("2.026"). Absent: a quantity ("1.200" / "1,200").
     */
    display: z.enum(INTEGER_DISPLAYS).optional(),
    /**
     * IBAN fields only: the text question of the form that asks in whose name the account is
     * ("Naam van de rekeninghouder"), so a letter can say "IBAN … ten name van …" without anyone
     * naming that question in code (`applicantAccount`, the variable `accountHolder`). It must name
     * a text field of the form itself, not one in a list (definition.account-rules.ts).
     */
    holderField: identifier.optional(),
  })
  .strict();

export const listFieldSchema = z
  .object({
    ...fieldBase,
    type: z.literal('list'),
    minItems: z.int().min(0).optional(),
    maxItems: z.int().min(0).optional(),
    fields: z.array(scalarFieldSchema).min(1),
  })
  .strict();

/** The kinds of file an attachments field takes; absent: PDF documents and photos. */
export const ATTACHMENT_KINDS = ['pdf', 'image'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * Files uploaded with the form (quotes, a drawing, photos). The value is the list of ids of the
 * application's uploaded attachments; `required` means at least one file.
 */
export const attachmentsFieldSchema = z
  .object({
    ...fieldBase,
    type: z.literal('attachments'),
    minItems: z.int().min(0).optional(),
    maxItems: z.int().min(1).max(50).optional(),
    accept: z.array(z.enum(ATTACHMENT_KINDS)).min(1).optional(),
  })
  .strict();

export const formFieldSchema = z.discriminatedUnion('type', [
  scalarFieldSchema,
  listFieldSchema,
  attachmentsFieldSchema,
]);

/**
 * A page of the form: a title, an optional intro, and the keys of its fields in order. The title
 * speaks to the applicant ("Uw initiatief"); `staffTitle` is the heading over the page's answers
 * for anyone else who reads them (staff, the desk, whoever acts for the applicant): "Het
 * initiatief". Absent: the title (pageHeading).
 */
export const formPageSchema = z
  .object({
    key: identifier,
    title: localized,
    staffTitle: localized.optional(),
    intro: localized.optional(),
    fields: z.array(identifier).min(1),
  })
  .strict();

export const formSchema = z
  .object({
    fields: z.array(formFieldSchema),
    /** Pages in order; every field in exactly one. Absent: one page with all fields. */
    pages: z.array(formPageSchema).min(1).optional(),
    /** Requested amount = sum of `field` over the items of list `list`. */
    requestedAmount: z.object({ list: identifier, field: identifier }).strict().optional(),
    /** Text field that names the application in lists, letters and mails (default: title). */
    titleField: identifier.optional(),
    /**
     * Text field that says what the application is about, shown to people who are neither the
     * applicant nor staff, such as a supporter asked to confirm (default: the first long text).
     */
    descriptionField: identifier.optional(),
    /** Field holding the activity date, for `daysBeforeActivityAtLeast` and `reportDue`. */
    activityDateField: identifier.optional(),
  })
  .strict();

const looseRef = z
  .object({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() })
  .strict();

/** A time limit may carry its name as policy staff gave it ("Herinnering beslissing"). */
const delayLabel = { label: localized.optional() };
const looseDelayRef = looseRef.extend(delayLabel).strict();

function strictRefs<T extends Record<string, z.ZodType>>(
  vocabulary: T,
  extra: Record<string, z.ZodType> = {},
) {
  const options = Object.entries(vocabulary).map(([name, params]) =>
    z.object({ type: z.literal(name), params: params.optional(), ...extra }).strict(),
  );
  return z.union(options as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

const letterTemplate = z.object({ subject: z.string(), body: z.string() }).strict();
const templatePair = z.object({ nl: letterTemplate, en: letterTemplate }).strict();

function buildDefinitionSchema(strict: boolean) {
  const guardRef = (strict ? strictRefs(guardParams) : looseRef) as typeof looseRef;
  const actionRef = (strict ? strictRefs(actionParams) : looseRef) as typeof looseRef;
  const delayRef = (
    strict ? strictRefs(delayParams, delayLabel) : looseDelayRef
  ) as typeof looseDelayRef;
  const transition = z
    .object({
      target: z.string().optional(),
      guard: z.union([guardRef, z.array(guardRef)]).optional(),
      actions: z.array(actionRef).optional(),
      reenter: z.boolean().optional(),
      description: z.string().optional(),
    })
    .strict();
  const transitions = z.union([z.string(), transition, z.array(transition)]);
  const state = z
    .object({
      type: z.enum(['atomic', 'final']).optional(),
      description: z.string().optional(),
      // The loose schema lets validateDefinition name an unknown tag (unknown_tag).
      tags: z.array(strict ? z.enum(STATE_TAGS) : z.string()).optional(),
      meta: z
        .object({
          label: localized.optional(),
          /** The applicant may change the form data in this state. */
          editable: z.boolean().optional(),
        })
        .catchall(z.unknown())
        .optional(),
      entry: z.array(actionRef).optional(),
      exit: z.array(actionRef).optional(),
      on: z.record(z.string(), transitions).optional(),
      always: transitions.optional(),
      after: z.record(z.string(), transitions).optional(),
    })
    .strict();
  return z
    .object({
      $schema: z.string().optional(),
      key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
      version: z.int().min(1),
      title: localized,
      description: localized.optional(),
      /** The letters that start the reference of every application (KB in KB-2026-000012). */
      referencePrefix: z
        .string()
        .regex(/^[A-Z]{2,5}$/, 'two to five capital letters, such as KB')
        .optional(),
      /**
       * Who sends the workflow's letters: the team (department) printed under the municipality's
       * name in the letterhead, and the signature of the shell's own texts (a reminder, a
       * receipt). Absent: the shell's default team. Its words are checked by
       * definition.sender-rules.ts (one short line of plain text in each language).
       */
      sender: z.object({ department: localized }).strict().optional(),
      initial: z.string().min(1),
      form: formSchema,
      events: z.record(
        z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE_CASE'),
        z
          .object({
            label: localized.optional(),
            /** The sentence shown after the event succeeded ("Het verzoek om aanvulling is verstuurd."). */
            outcome: localized.optional(),
            /**
             * What happened, in the past tense, as the history of an application names the step
             * ("Om aanvulling gevraagd", "Aanvulling gestuurd"); read by applicant and staff alike,
             * so not in the first person. Without it the history names the step by its `label`.
             */
            historyLabel: localized.optional(),
            roles: z.array(z.enum(ROLES)),
            /**
             * JSON Schema of the payload (an object schema), with the annotations the forms read
             * (`x-label`, `x-help`, `x-widget`, ...) and `x-atLeastOneOf`: the keys of fields of
             * which at least one must be given (an explanation or a file); a property may carry
             * `x-showWhen {field, in}`: it applies only with those values of another field. Both
             * are checked by definition.form-rules.ts, so a policy officer reads a sentence, not a
             * shape error.
             */
            payload: z.looseObject({ 'x-atLeastOneOf': z.array(z.string()).optional() }).optional(),
          })
          .strict(),
      ),
      delays: z.record(identifier, delayRef),
      states: z.record(identifier, state),
      templates: z
        .object({
          letters: z.record(z.string(), templatePair),
          mails: z.record(z.string(), templatePair),
        })
        .strict(),
    })
    .strict();
}

/** The zod schema of a workflow definition, with the guard/action/delay vocabulary spelled out. */
export const workflowDefinitionSchema = buildDefinitionSchema(true);
/** The same shape with references left open, so validation can name unknown vocabulary precisely. */
export const looseDefinitionSchema = buildDefinitionSchema(false);

type Loose = z.infer<typeof looseDefinitionSchema>;
export type WorkflowDefinition = Loose;
export type StateDefinition = Loose['states'][string];
export type TransitionConfig = Exclude<NonNullable<StateDefinition['always']>, string | unknown[]>;
export type Ref = z.infer<typeof looseRef>;
export type FormField = z.infer<typeof formFieldSchema>;
export type ScalarField = z.infer<typeof scalarFieldSchema>;
export type AttachmentsField = z.infer<typeof attachmentsFieldSchema>;
export type FormDefinition = z.infer<typeof formSchema>;
export type FormPage = z.infer<typeof formPageSchema>;

let jsonSchemaCache: object | undefined;
/** JSON Schema of a definition, for editors. */
export function workflowDefinitionJsonSchema(): object {
  jsonSchemaCache ??= z.toJSONSchema(workflowDefinitionSchema, { unrepresentable: 'any' });
  return jsonSchemaCache;
}

export const VOCABULARY = {
  guards: GUARD_NAMES,
  actions: ACTION_NAMES,
  delays: DELAY_KINDS,
  tags: STATE_TAGS,
};

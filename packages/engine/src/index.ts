/** @initiatief/engine: definitions as data, run by XState's pure transition, with the legal clock. */

export const ENGINE_VERSION = 1;

export type {
  Actor,
  ApplicationContext,
  DocumentRecord,
  Effect,
  EngineEvent,
  Facts,
  HistoryEntry,
  Issue,
  LegalClockState,
  LetterKind,
  LocalizedText,
  PaymentRecord,
  PersistedSnapshot,
  Role,
  StepInput,
  StepResult,
  Suspension,
} from './core/engine.types';
export { LETTER_KINDS, ROLES } from './core/engine.types';
export { EngineError, type EngineErrorCode } from './core/engine-error';
export {
  checkHouseRules,
  DECISION_LETTER_KINDS,
  eventHistoryLabel,
  eventLabel,
  type HouseProblem,
  ROLES_WITHOUT_DECISIONS,
  stateLabel,
} from './definition/definition.house-rules';
export {
  DEFAULT_REFERENCE_PREFIX,
  fieldLabel,
  formPages,
  optionLabel,
  type PageReader,
  pageHeading,
  referencePrefix,
  referencePrefixFor,
} from './definition/definition.rules';
export {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type AttachmentsField,
  type FormDefinition,
  type FormField,
  type FormPage,
  INTEGER_DISPLAYS,
  type IntegerDisplay,
  SCALAR_FIELD_TYPES,
  type ScalarField,
  STATE_TAGS,
  type StateTag,
  VOCABULARY,
  type WorkflowDefinition,
  workflowDefinitionJsonSchema,
  workflowDefinitionSchema,
} from './definition/definition.schema';
export { SENDER_DEPARTMENT_MAX } from './definition/definition.sender-rules';
export {
  type DefinitionProblem,
  type ValidationResult,
  validateDefinition,
} from './definition/definition.validate';
export {
  DIGITS_PATTERN,
  isCodeNumber,
  isDigitsText,
  X_DISPLAY,
} from './definition/integer-display';
export {
  AT_LEAST_ONE_OF,
  atLeastOneOfIssues,
  atLeastOneOfKeys,
  isGiven,
} from './definition/payload-at-least-one';
export {
  isStaffOnly,
  STAFF_AUDIENCE,
  staffOnlyKeys,
  X_AUDIENCE,
} from './definition/payload-audience';
export { payloadLabel, valueLabel } from './definition/payload-labels';
export {
  applyingPayload,
  conditionalKeys,
  fieldApplies,
  SHOW_WHEN,
  type ShowWhen,
  showWhenIssues,
  showWhenOf,
} from './definition/payload-show-when';
export { SAMPLE_REFERENCE_WORD, sampleReference } from './definition/sample-reference';
export { formJsonSchema } from './form/form.json-schema';
export { labelOfPath } from './form/form.texts';
export { attachmentRefs, requestedCents, validateFormData } from './form/form.validate';
export {
  activityDateOf,
  applicantAccount,
  applicationDescription,
  applicationTitle,
} from './form/form-fields';
export {
  answerWords,
  applyingFields,
  clearedAnswers,
  conditionAnswers,
  type FormShowWhen,
  questionApplies,
} from './form/form-show-when';
export { isValidIban, normalizeIban } from './form/iban';
export { yesNoLabel, yesNoOf } from './form/yes-no';
export {
  addDays,
  amsterdamOffsetMinutes,
  amsterdamStartOfDay,
  diffDays,
  formatDate,
  formatMoney,
  isIsoDate,
  monthName,
  toAmsterdamDate,
} from './legal-clock/calendar';
export { dutchHolidays, easterSunday, isWorkingDay, nextWorkingDay } from './legal-clock/holidays';
export {
  type LatePenalty,
  latePenalty,
  PENALTY_MAX_CENTS,
  PENALTY_MAX_DAYS,
  PENALTY_TIERS,
  type PenaltyInput,
  penaltyCents,
} from './legal-clock/penalty';
export {
  type Deadline,
  decisionDueDate,
  objectionDeadline,
  paymentDeadline,
  reportDueDate,
  supplementDueDate,
} from './legal-clock/terms';
export {
  canonicalPath,
  localHref,
  localPath,
  ROUTE_WORDS,
  type RouteLocale,
  routeAddress,
  routeWord,
} from './routes/route-words';
export {
  DECISION_SENT_EVENT,
  type DecisionSentInput,
  decisionLetterSent,
  decisionSentOn,
} from './runtime/decision-sent';
export { timerEventType } from './runtime/machine';
export {
  type DeadlineChange,
  MIGRATE_EVENT,
  type MigrateInput,
  type MigrationExplanation,
  type MigrationResult,
  type MissingAnswer,
  migrate,
  migrationTarget,
  type PendingTimer,
  type StateMapping,
} from './runtime/migrate';
export {
  type DeadlineSchedule,
  deadlineSchedule,
  type NextDeadline,
  nextDeadline,
} from './runtime/next-deadline';
export { RECEIPT_WINDOW, receiptClosedIssue, wouldResume } from './runtime/receipt-window';
export { filesClosedText, ROLE_WORDS, rolesOnlyText } from './runtime/refusal-text';
export {
  REQUEST_SENT_EVENT,
  type RequestSentInput,
  supplementRequestSent,
} from './runtime/request-sent';
export {
  type AllowedEvent,
  type ApplicationView,
  allowedEvents,
  applicationView,
  createApplication,
  step,
  updateApplicationData,
} from './runtime/runtime';
export type { ApplicationWarning } from './runtime/warnings';
export {
  FREE_TEXT_VARIABLES,
  tidyFreeText,
  withTidyFreeText,
} from './templates/free-text';
export {
  placeholdersInWords,
  TEMPLATE_CONDITION_NAMES,
  TEMPLATE_VARIABLE_NAMES,
} from './templates/template-names';
export {
  DEFAULT_CONDITIONS,
  type TemplateContext,
  templateVariables,
} from './templates/template-variables';
export {
  DEFAULT_TEMPLATE_CONDITIONS,
  malformedPlaceholders,
  paragraphsOf,
  renderTemplate,
  type SectionProblem,
  sectionProblems,
  TEMPLATE_CONDITIONS,
  TEMPLATE_VARIABLES,
  type TemplateCondition,
  type TemplateConditions,
  type TemplateVariable,
  templatePlaceholders,
  valueConditions,
} from './templates/templates';
export {
  type AmountAbove,
  type AmountFigures,
  type AmountLimit,
  advanceAbove,
  amountAbove,
  amountLimitCents,
  type PayloadAmountAbove,
  type PayloadAmountLimit,
  payloadAmountAbove,
  payloadAmountLimits,
} from './vocabulary/amount-limits';
export { applyConditions, type ConditionFacts } from './vocabulary/conditions';
export { advancePaidWith, type Consequences, consequencesOf } from './vocabulary/consequences';
export {
  countSupporters,
  isApplicantLine,
  postcodeDigits,
  SUPPORTERS_LIST,
  type SupporterCheck,
  type SupporterNotCounted,
  sameName,
  supportersOnForm,
  supporterVerdicts,
} from './vocabulary/supporters';
export {
  districtOfRule,
  readSupporters,
  type SameDistrict,
  type SupportersDistrict,
  type SupportersFacts,
  type SupportersReading,
  type SupportersRule,
  supportersRule,
  supportersRules,
} from './vocabulary/supporters-rule';
export { AMOUNT_FIELD, amountOfPayload } from './vocabulary/vocabulary.context';
export {
  type ParamSchema,
  vocabularyParamSchemas,
} from './vocabulary/vocabulary.json-schema';

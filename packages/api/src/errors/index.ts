export { AppError, type AppErrorOptions, type InvalidParam, isAppError } from './app-error';
export {
  ERROR_CODES,
  ERROR_DESCRIPTIONS,
  type ErrorCode,
  type ErrorStatus,
  isErrorCode,
  statusOf,
} from './error-codes';
export {
  PROBLEM_CONTENT_TYPE,
  type ProblemBody,
  problem,
  problemBody,
  problemResponse,
  problemTypeUri,
} from './problem';
export { refusedIn } from './refused';
export { bilingual, invalidParamsFromZod, validationError } from './validation';

import { TributaryError } from "../errors/tributary-error.js";

/**
 * isRetriable tells whether the retrier may try again after `error`: only a TributaryError whose
 * code the error table marks retriable. Programmer errors (TypeError, RangeError, AssertionError)
 * and anything unknown are never retried; retrying a bug only hides it.
 */
export function isRetriable(error: unknown): error is TributaryError {
  return error instanceof TributaryError && error.retriable;
}

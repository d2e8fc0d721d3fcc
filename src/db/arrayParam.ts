import { Param } from 'drizzle-orm';

/**
 * One SQL parameter holding a whole array (for `= any(…)`), instead of Drizzle's default of
 * expanding a JS array into a list of parameters.
 */
export function arrayParam(values: readonly unknown[]): Param {
  return new Param([...values]);
}

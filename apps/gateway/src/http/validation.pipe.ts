import { type ArgumentMetadata, ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError, type FieldViolation } from '#errors';
import { unsafeInput } from './input-safety.js';

/** class-validator constraint names → our stable rule codes. */
const RULES: Record<string, string> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  isIn: 'one_of',
  isString: 'string',
  isInt: 'integer',
  isBoolean: 'boolean',
  min: 'min',
  max: 'max',
  maxLength: 'max_length',
  minLength: 'min_length',
  matches: 'pattern',
  isUUID: 'uuid',
  isISO8601: 'datetime',
  isDateString: 'date',
  whitelistValidation: 'unknown_field',
  nestedValidation: 'object',
  isObject: 'object',
  noControlCharacters: 'control_character',
  isSaneDate: 'date',
  isSaneInstant: 'instant',
  isEntityKey: 'entity_id',
};

function violations(errors: readonly ClassValidatorError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      rule: RULES[constraint] ?? constraint,
      message: constraint === 'whitelistValidation' ? `不允许的字段 ${field}` : message,
    }));
    return [...own, ...violations(error.children ?? [], field)];
  });
}

/**
 * Every body, query and path parameter is first checked for what no field may hold (input-safety.ts),
 * then validated and transformed by its DTO.
 */
class CaseworkValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const found = unsafeInput(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (found) throw new ValidationError([found]);
    }
    return super.transform(value, metadata);
  }
}

/** Validates and transforms every body and query; a bad one is a 400 naming each bad field in Chinese. */
export function createValidationPipe(): ValidationPipe {
  return new CaseworkValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationError(violations(errors)),
  });
}

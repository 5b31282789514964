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
      message: constraint === 'whitelistValidation' ? `不允许的字段 ${field}` : inChinese(field, constraint, message),
    }));
    return [...own, ...violations(error.children ?? [], field)];
  });
}

/** class-validator's own messages (nested objects, arrays) are English: those say in Chinese what the field must be. */
function inChinese(field: string, constraint: string, message: string): string {
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  if (constraint === 'nestedValidation' || constraint === 'isObject') return `${field} 须为对象（或对象的列表）`;
  return `${field} 格式不正确`;
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
    // A DTO describes an object: a list, a string or null in its place is refused here, in Chinese.
    if (metadata.type === 'body' && isDto(metadata.metatype) && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationError([{ field: 'body', rule: 'object', message: '请求内容须为 JSON 对象' }]);
    }
    return super.transform(value, metadata);
  }
}

function isDto(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![String, Boolean, Number, Array, Object].includes(metatype as never);
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

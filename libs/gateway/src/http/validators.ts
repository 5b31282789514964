import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { hasControlCharacters, isEntityKey, isSaneLocalDate, MULTI_LINE_FROM_LENGTH, parseIsoInstant, EARLIEST_YEAR, LATEST_YEAR } from '#field-checks';

/**
 * class-validator decorators with Chinese messages naming the field and the rule: every DTO uses
 * these, so each message is written once.
 */
/** No control characters; tab and line breaks only in long texts (the same rule as the domain's, #field-checks). */
const NoControlCharacters = (label: string, maxLength: number) => {
  const multiLine = maxLength >= MULTI_LINE_FROM_LENGTH;
  return ValidateBy(
    { name: 'noControlCharacters', validator: { validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacters(value, multiLine) } },
    { message: `${label}含有不允许的控制字符${multiLine ? '（如空字符）' : '（如空字符或换行）'}，请删除后重试` },
  );
};

export const RequiredText = (label: string, maxLength = 200) =>
  applyDecorators(
    IsString({ message: `${label}必须是文字` }),
    IsNotEmpty({ message: `${label}不能为空` }),
    MaxLength(maxLength, { message: `${label}不能超过${maxLength}个字` }),
    NoControlCharacters(label, maxLength),
  );

export const OptionalText = (label: string, maxLength = 200) =>
  applyDecorators(IsOptional(), IsString({ message: `${label}必须是文字` }), MaxLength(maxLength, { message: `${label}不能超过${maxLength}个字` }), NoControlCharacters(label, maxLength));

/** A real calendar day `YYYY-MM-DD` between 1900 and 2100. */
const SaneDate = (label: string) =>
  ValidateBy(
    { name: 'isSaneDate', validator: { validate: (value: unknown) => typeof value === 'string' && isSaneLocalDate(value) } },
    { message: `${label}须为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年之间的有效日期，格式为 YYYY-MM-DD` },
  );

export const RequiredDate = (label: string) => applyDecorators(IsNotEmpty({ message: `${label}不能为空` }), SaneDate(label));
export const OptionalDate = (label: string) => applyDecorators(IsOptional(), SaneDate(label));

/** An id of something inside a case (a claimant, an installment…): see `entityKey` in #field-checks. */
export const RequiredEntityKey = (label: string) =>
  ValidateBy(
    { name: 'isEntityKey', validator: { validate: (value: unknown) => typeof value === 'string' && isEntityKey(value) } },
    { message: `${label}无效：须为 1 至 64 位字母、数字或 _ . : -，且不能是保留字` },
  );

export const RequiredCode = (label: string, codes: () => readonly string[]) =>
  applyDecorators(
    IsNotEmpty({ message: `${label}不能为空` }),
    IsIn(codes() as string[], { message: `${label}必须是以下代码之一：${codes().join('、')}` }),
  );

export const OptionalCode = (label: string, codes: () => readonly string[]) =>
  applyDecorators(IsOptional(), IsIn(codes() as string[], { message: `${label}必须是以下代码之一：${codes().join('、')}` }));

export const OptionalInt = (label: string, min: number, max: number) =>
  applyDecorators(
    IsOptional(),
    IsInt({ message: `${label}必须是整数` }),
    Min(min, { message: `${label}不能小于${min}` }),
    Max(max, { message: `${label}不能大于${max}` }),
  );

export const RequiredInt = (label: string, min: number, max: number) =>
  applyDecorators(
    IsInt({ message: `${label}必须是整数` }),
    Min(min, { message: `${label}不能小于${min}` }),
    Max(max, { message: `${label}不能大于${max}` }),
  );

export const RequiredBoolean = (label: string) => applyDecorators(IsBoolean({ message: `${label}必须是 true 或 false` }));
export const OptionalBoolean = (label: string) => applyDecorators(IsOptional(), IsBoolean({ message: `${label}必须是 true 或 false` }));

/** An instant with its offset, a real date and time of day between 1900 and 2100 (`parseIsoInstant`). */
const SaneInstant = (label: string) =>
  ValidateBy(
    { name: 'isSaneInstant', validator: { validate: (value: unknown) => typeof value === 'string' && parseIsoInstant(value) !== null } },
    { message: `${label}必须是 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年之间的 ISO-8601 时间，如 2026-03-02T09:30:00+08:00` },
  );

export const OptionalDateTime = (label: string) => applyDecorators(IsOptional(), SaneInstant(label));
export const RequiredDateTime = (label: string) => applyDecorators(IsNotEmpty({ message: `${label}不能为空` }), SaneInstant(label));

export const OptionalPattern = (label: string, pattern: RegExp, rule: string) =>
  applyDecorators(IsOptional(), IsString({ message: `${label}必须是文字` }), Matches(pattern, { message: `${label}格式不正确：${rule}` }));

export const RequiredPattern = (label: string, pattern: RegExp, rule: string) =>
  applyDecorators(IsString({ message: `${label}必须是文字` }), Matches(pattern, { message: `${label}格式不正确：${rule}` }));

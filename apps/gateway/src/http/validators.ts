import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * class-validator decorators with Chinese messages naming the field and the rule: every DTO uses
 * these, so each message is written once.
 */
export const RequiredText = (label: string, maxLength = 200) =>
  applyDecorators(
    IsString({ message: `${label}必须是文字` }),
    IsNotEmpty({ message: `${label}不能为空` }),
    MaxLength(maxLength, { message: `${label}不能超过${maxLength}个字` }),
  );

export const OptionalText = (label: string, maxLength = 200) =>
  applyDecorators(IsOptional(), IsString({ message: `${label}必须是文字` }), MaxLength(maxLength, { message: `${label}不能超过${maxLength}个字` }));

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

export const OptionalDateTime = (label: string) =>
  applyDecorators(IsOptional(), IsISO8601({ strict: true }, { message: `${label}必须是 ISO-8601 时间，如 2026-03-02T09:30:00+08:00` }));

export const OptionalPattern = (label: string, pattern: RegExp, rule: string) =>
  applyDecorators(IsOptional(), IsString({ message: `${label}必须是文字` }), Matches(pattern, { message: `${label}格式不正确：${rule}` }));

export const RequiredPattern = (label: string, pattern: RegExp, rule: string) =>
  applyDecorators(IsString({ message: `${label}必须是文字` }), Matches(pattern, { message: `${label}格式不正确：${rule}` }));

import { type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '#errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case id in a URL must be a UUID; anything else is simply "not found" (no hint about what exists). */
export class CaseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly notFoundCode: string, private readonly notFoundMessage: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError(this.notFoundCode, this.notFoundMessage);
    return value.toLowerCase();
  }
}

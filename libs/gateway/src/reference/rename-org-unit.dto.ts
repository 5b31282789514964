import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../http/validators.js';

/** `PATCH /api/org-units/:id`: units are renamed, never moved. */
export class RenameOrgUnitDto {
  @ApiProperty({ example: '金水区总工会' }) @RequiredText('单位名称', 100) name: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { CREATABLE_UNIT_KINDS, type OrgUnitKind } from '#identity';
import { RequiredCode, RequiredText } from '../http/validators.js';

/** `POST /api/org-units`: a district, a township station or a mediation room under an existing unit. */
export class CreateOrgUnitDto {
  @ApiProperty({ example: '410105004' }) @RequiredText('单位代码', 32) id: string;
  @ApiProperty({ example: '大石桥街道职工维权服务站' }) @RequiredText('单位名称', 100) name: string;
  @ApiProperty({ enum: CREATABLE_UNIT_KINDS }) @RequiredCode('单位类型', () => CREATABLE_UNIT_KINDS) kind: OrgUnitKind;
  @ApiProperty({ example: '410105' }) @RequiredText('上级单位', 32) parentId: string;
}

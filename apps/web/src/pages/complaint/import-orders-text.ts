/** The console's text for 旧工单导入 (legacy 12351 work orders), merged into `zh` and `en`. */
const COLUMNS = '工单编号, 受理时间, 来源渠道, 来电人姓名, 联系电话, 身份证号, 涉及人数, 用人单位, 单位所在区县, 问题类别, 问题子类, 诉求类型, 紧急程度, 诉求内容, 受理单位, 交办单位, 交办时间, 签收时间, 首次联系时间, 办结时间, 办结结果, 回访时间, 回访是否接通, 满意度, 结案时间';

/** The Chinese header of each column key the API names (`rows.<n>.<key>`); the same in both languages, as in the sheet. */
const COLUMN_HEADERS = {
  'hl.import.col.orderNumber': '工单编号', 'hl.import.col.receivedAt': '受理时间', 'hl.import.col.channel': '来源渠道', 'hl.import.col.callerName': '来电人姓名',
  'hl.import.col.phone': '联系电话', 'hl.import.col.idNumber': '身份证号', 'hl.import.col.workersAffected': '涉及人数', 'hl.import.col.employer': '用人单位',
  'hl.import.col.district': '单位所在区县', 'hl.import.col.category': '问题类别', 'hl.import.col.subcategory': '问题子类', 'hl.import.col.type': '诉求类型',
  'hl.import.col.urgency': '紧急程度', 'hl.import.col.summary': '诉求内容', 'hl.import.col.receivingUnit': '受理单位', 'hl.import.col.assignedUnit': '交办单位',
  'hl.import.col.assignedAt': '交办时间', 'hl.import.col.signedForAt': '签收时间', 'hl.import.col.firstContactAt': '首次联系时间', 'hl.import.col.resolvedAt': '办结时间',
  'hl.import.col.outcome': '办结结果', 'hl.import.col.followedUpAt': '回访时间', 'hl.import.col.reached': '回访是否接通', 'hl.import.col.satisfaction': '满意度',
  'hl.import.col.closedAt': '结案时间',
};

export const zhOrderImport = {
  'nav.complaintImport': '旧工单导入',
  'hl.import.title': '旧工单导入（12351 历史工单）',
  'hl.import.hint': '上传旧 12351 系统导出的历史工单（.xlsx 或 .csv），受理单位和交办单位须为本单位或下级单位。各环节按表中时间记入，时限按当时的工作日历计算。先逐行检查，有任何一格不合格则一件都不导入；同一批工单重复上传不会重复导入。',
  'hl.import.columns': `列（时间为北京时间，如 2019-03-02 09:30）：${COLUMNS}`,
  'hl.import.pick': '选择文件并导入',
  'hl.import.unreadable': '无法读取“{name}”，请上传 .xlsx 或 .csv 文件',
  'hl.import.done': '导入完成：新导入工单 {imported} 件，已存在 {already} 件（未重复导入），记录事件 {events} 条。',
  'hl.import.bad': '有 {n} 处不合格，未导入任何工单。请修改后重新上传。',
  'hl.import.row': '行',
  'hl.import.rowN': '第 {n} 行',
  'hl.import.wholeFile': '整个文件',
  'hl.import.column': '列',
  'hl.import.problem': '问题',
  ...COLUMN_HEADERS,
};

export const enOrderImport: Record<keyof typeof zhOrderImport, string> = {
  'nav.complaintImport': 'Import legacy orders',
  'hl.import.title': 'Import legacy 12351 work orders',
  'hl.import.hint': 'Upload work orders exported from the legacy 12351 system (.xlsx or .csv); the receiving and assigned units must be yours or below yours. Each step is recorded at the time in the sheet, its deadlines counted on the working calendar of the day. Every row is checked first; with any bad cell nothing is imported. The same orders uploaded again add nothing.',
  'hl.import.columns': `Columns (times in Beijing time, e.g. 2019-03-02 09:30): ${COLUMNS}`,
  'hl.import.pick': 'Choose a file and import',
  'hl.import.unreadable': 'Cannot read "{name}": upload an .xlsx or .csv file',
  'hl.import.done': 'Imported: {imported} new orders, {already} already there (not imported again), {events} events recorded.',
  'hl.import.bad': '{n} bad cells; nothing was imported. Correct them and upload again.',
  'hl.import.row': 'Row',
  'hl.import.rowN': 'Row {n}',
  'hl.import.wholeFile': 'Whole file',
  'hl.import.column': 'Column',
  'hl.import.problem': 'Problem',
  ...COLUMN_HEADERS,
};

/** The two-level complaint categories (一级/二级分类). Codes are stable: reports and events keep them. */
export const CATEGORIES = [
  { code: 'pay', label: '劳动报酬', labelEn: 'Pay and arrears', subcategories: [
    { code: 'wage_arrears', label: '拖欠工资', labelEn: 'Unpaid wages' },
    { code: 'wage_deductions', label: '克扣工资', labelEn: 'Wage deductions' },
    { code: 'overtime_pay', label: '加班费', labelEn: 'Overtime pay' },
    { code: 'minimum_wage', label: '低于最低工资标准', labelEn: 'Below the minimum wage' },
    { code: 'project_wage_arrears', label: '工程建设领域欠薪', labelEn: 'Construction-project wage arrears' },
    { code: 'pay_other', label: '其他劳动报酬问题', labelEn: 'Other pay issues' },
  ] },
  { code: 'labour_contract', label: '劳动合同', labelEn: 'Contracts and dismissal', subcategories: [
    { code: 'no_written_contract', label: '未签订书面劳动合同', labelEn: 'No written contract' },
    { code: 'unlawful_dismissal', label: '违法解除劳动合同', labelEn: 'Unlawful dismissal' },
    { code: 'severance_pay', label: '经济补偿金', labelEn: 'Severance pay' },
    { code: 'probation_period', label: '试用期', labelEn: 'Probation period' },
    { code: 'labour_dispatch', label: '劳务派遣', labelEn: 'Agency (dispatched) work' },
    { code: 'labour_contract_other', label: '其他劳动合同问题', labelEn: 'Other contract issues' },
  ] },
  { code: 'social_insurance', label: '社会保险', labelEn: 'Social insurance', subcategories: [
    { code: 'insurance_not_paid', label: '未缴纳社会保险', labelEn: 'Contributions not paid' },
    { code: 'insurance_underpaid', label: '未足额缴纳社会保险', labelEn: 'Contributions underpaid' },
    { code: 'housing_fund', label: '住房公积金', labelEn: 'Housing provident fund' },
    { code: 'pension_transfer', label: '养老保险转移接续', labelEn: 'Pension transfer' },
    { code: 'unemployment_benefit', label: '失业保险待遇', labelEn: 'Unemployment benefit' },
    { code: 'social_insurance_other', label: '其他社会保险问题', labelEn: 'Other social insurance issues' },
  ] },
  { code: 'work_injury', label: '工伤职业病', labelEn: 'Work injury and occupational disease', subcategories: [
    { code: 'injury_recognition', label: '工伤认定', labelEn: 'Recognition of a work injury' },
    { code: 'disability_assessment', label: '劳动能力鉴定', labelEn: 'Work-capacity assessment' },
    { code: 'injury_benefits', label: '工伤待遇', labelEn: 'Work-injury benefits' },
    { code: 'occupational_disease', label: '职业病诊断与待遇', labelEn: 'Occupational disease' },
    { code: 'work_injury_other', label: '其他工伤职业病问题', labelEn: 'Other work-injury issues' },
  ] },
  { code: 'working_hours', label: '工时休假', labelEn: 'Hours and leave', subcategories: [
    { code: 'excessive_overtime', label: '超时加班', labelEn: 'Excessive overtime' },
    { code: 'weekly_rest', label: '休息日', labelEn: 'Weekly rest days' },
    { code: 'paid_annual_leave', label: '带薪年休假', labelEn: 'Paid annual leave' },
    { code: 'public_holidays', label: '法定节假日', labelEn: 'Public holidays' },
    { code: 'sick_leave', label: '病假与医疗期', labelEn: 'Sick leave and medical treatment period' },
    { code: 'working_hours_other', label: '其他工时休假问题', labelEn: 'Other hours and leave issues' },
  ] },
  { code: 'safety_health', label: '安全卫生', labelEn: 'Safety and health', subcategories: [
    { code: 'safety_hazard', label: '安全生产隐患', labelEn: 'Safety hazard' },
    { code: 'protective_equipment', label: '劳动防护用品', labelEn: 'Protective equipment' },
    { code: 'heat_protection', label: '高温防护', labelEn: 'Heat protection' },
    { code: 'occupational_health_checks', label: '职业健康检查', labelEn: 'Occupational health checks' },
    { code: 'safety_health_other', label: '其他安全卫生问题', labelEn: 'Other safety and health issues' },
  ] },
  { code: 'women_workers', label: '女职工权益', labelEn: 'Women workers', subcategories: [
    { code: 'maternity_leave', label: '产假', labelEn: 'Maternity leave' },
    { code: 'maternity_allowance', label: '生育津贴', labelEn: 'Maternity allowance' },
    { code: 'pregnancy_dismissal', label: '孕期、产期、哺乳期解除合同', labelEn: 'Dismissal in pregnancy, maternity or nursing' },
    { code: 'sexual_harassment', label: '性骚扰', labelEn: 'Sexual harassment' },
    { code: 'gender_discrimination', label: '就业性别歧视', labelEn: 'Gender discrimination' },
    { code: 'women_workers_other', label: '其他女职工权益问题', labelEn: 'Other women workers issues' },
  ] },
  { code: 'organising_and_democracy', label: '建会与民主管理', labelEn: 'Organising and workplace democracy', subcategories: [
    { code: 'union_founding', label: '组建工会', labelEn: 'Founding a union' },
    { code: 'union_membership', label: '入会', labelEn: 'Union membership' },
    { code: 'collective_contract', label: '集体合同与工资集体协商', labelEn: 'Collective contract and bargaining' },
    { code: 'workers_congress', label: '职工代表大会', labelEn: "Workers' congress" },
    { code: 'company_affairs_openness', label: '厂务公开', labelEn: 'Openness of company affairs' },
    { code: 'organising_and_democracy_other', label: '其他建会与民主管理问题', labelEn: 'Other organising issues' },
  ] },
  { code: 'hardship_help', label: '帮扶求助', labelEn: 'Hardship help', subcategories: [
    { code: 'living_hardship', label: '生活困难', labelEn: 'Living hardship' },
    { code: 'medical_hardship', label: '大病医疗困难', labelEn: 'Medical hardship' },
    { code: 'schooling_aid', label: '子女助学', labelEn: 'Schooling aid' },
    { code: 'employment_help', label: '就业援助', labelEn: 'Help finding work' },
    { code: 'legal_aid', label: '法律援助', labelEn: 'Legal aid' },
    { code: 'hardship_help_other', label: '其他帮扶求助', labelEn: 'Other hardship help' },
  ] },
  { code: 'policy_questions', label: '政策咨询', labelEn: 'Policy questions', subcategories: [
    { code: 'labour_law', label: '劳动法律法规', labelEn: 'Labour law' },
    { code: 'social_insurance_policy', label: '社会保险政策', labelEn: 'Social insurance policy' },
    { code: 'union_policy', label: '工会政策与服务', labelEn: 'Union policy and services' },
    { code: 'employment_policy', label: '就业创业政策', labelEn: 'Employment and start-up policy' },
    { code: 'policy_questions_other', label: '其他政策咨询', labelEn: 'Other policy questions' },
  ] },
  { code: 'other', label: '其他', labelEn: 'Other', subcategories: [
    { code: 'union_work_feedback', label: '对工会工作的意见', labelEn: 'Feedback on union work' },
    { code: 'commendation', label: '表扬', labelEn: 'Commendation' },
    { code: 'other_matters', label: '其他事项', labelEn: 'Other matters' },
  ] },
] as const;

export type CategoryCode = (typeof CATEGORIES)[number]['code'];
/** The second-level codes shipped with the system; administrators may add more (`SubcategoryCode`). */
export type BuiltInSubcategoryCode = (typeof CATEGORIES)[number]['subcategories'][number]['code'];

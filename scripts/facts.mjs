// The only real figures in the demo data: those of the source article (Yongchuan District, 2022), as listed in the
// project's FACTS.md (sections cited on each constant). Every other number the demo generator writes is
// illustrative and carries `illustrative: true`. Names and codes of divisions come from
// demo/data/source/yongchuan-divisions.json (国家统计局统计用区划代码), not from here.
//
// Approximate figures keep the source's wording in `qualifier` (see src/core/format/number.ts QUALIFIERS):
// over = 超…, odd = …余, plus = …+.

export const DISTRICT_CODE = '500118'; // 永川区 (FACTS.md intro; NBS code)

/** How the demo data names its sources to a reader (tooltips, captions): the report and the code list, never a file. */
export const REPORT_SOURCE = '2022 年永川区党建工作报道 (2022 report)';
export const NBS_SOURCE = '国家统计局统计用区划代码（2023）';

// ── FACTS.md §1 Grid governance ─────────────────────────────────────────────
/** FACTS.md §1 "central urban area": 25 communities. */
export const URBAN_COMMUNITY_COUNT = 25;
/** FACTS.md §1 "central urban area": grids enlarged from 300 to 410 in 2022. */
export const URBAN_GRID_COUNT = 410;
/** FACTS.md §1 "central urban area": grid count before 2022. */
export const URBAN_GRID_COUNT_BEFORE = 300;
/** FACTS.md §1 "staffing per grid 1+4+N": 1 grid chief + 4 grid workers (+ N volunteers). */
export const GRID_STAFF = { chief: 1, workers: 4 };
/** FACTS.md §1 "case: 茶叶大厦小区 in 萱花路社区". */
export const TEA_BUILDING = {
  gridName: '茶叶大厦小区网格',
  estate: '茶叶大厦小区',
  community: '萱花路社区',
  communityCode: '500118002007', // FACTS.md §1 note: 萱花路社区 is 500118002007 under 胜利路街道
  built: 2007,
  households: 287,
  partyMembers: 24,
  meetings: 30, // 30+ coordination meetings
  meetingsQualifier: 'plus',
};
/** FACTS.md §1 "rural points system (积分制), 来苏镇 观音井村". */
export const POINTS_SYSTEM = {
  town: '来苏镇',
  townCode: '500118111',
  village: '观音井村',
  villageCode: '500118111200', // FACTS.md §1 note: 观音井村 is 500118111200 under 来苏镇
  categories: 3,
  rules: 10,
  max: 10,
  classes: [
    { id: 'model', label: '示范文明清洁户', labelEn: 'Model household', min: 9, max: 10 },
    { id: 'civilised', label: '文明清洁户', labelEn: 'Civilised household', min: 5, max: 8 },
    { id: 'improve', label: '促进户', labelEn: 'Needs improvement', min: 0, max: 4 },
  ],
};
/** FACTS.md §1 "rural posts": 10+ kinds of posts for party members without office. */
export const RURAL_POST_KINDS = 10;

// ── FACTS.md §2 Industry-chain party alliances ──────────────────────────────
/** FACTS.md §2 "automotive chain alliance" / "smart-equipment chain alliance". */
export const CHAIN_LEADERS = {
  auto: { name: '长城汽车重庆分公司联合党支部', chain: '汽车产业链党建联盟' },
  equip: { name: '太平洋精工联合党支部', chain: '智能装备产业链党建联盟' },
};
/** FACTS.md §2 "parks". */
export const PARKS = [
  { id: 'fenghuang', name: '永川国家高新区凤凰湖产业园', nameEn: 'Fenghuang Lake Industrial Park (Yongchuan National High-tech Zone)' },
  { id: 'gangqiao', name: '港桥产业促进中心', nameEn: 'Gangqiao Industry Promotion Centre' },
  { id: 'sanjiao', name: '三教产业促进中心', nameEn: 'Sanjiao Industry Promotion Centre' },
  { id: 'bigdata', name: '大数据产业园', nameEn: 'Big-data Industrial Park' },
];
/** FACTS.md §2 "service teams". */
export const SERVICE_TEAMS = [
  { id: 'team-gangqiao', park: 'gangqiao', formula: '1+1+1+N', name: '港桥"1+1+1+N"联系服务团队', nameEn: 'Gangqiao "1+1+1+N" service team' },
  { id: 'team-sanjiao', park: 'sanjiao', formula: '1+3+X', name: '三教"1+3+X"项目建设服务体系', nameEn: 'Sanjiao "1+3+X" project service system' },
];
/** FACTS.md §2 "cadres sent into parks and firms": 400+. */
export const CADRES_SENT = 400;
/** FACTS.md §2 "Great Wall Motor Yongchuan base": 250,000 vehicles a year. */
export const GWM_CAPACITY = 250000;
/** FACTS.md §2 "named completed project". */
export const NAMED_COMPLETED_PROJECT = '尤尼瑞克';

// ── FACTS.md §3 Western vocational-education base (one entry per table row, 12 rows) ──
/** FACTS.md §3: every KPI of the table, in table order. `extra` holds a row's further figures. */
export const VOCATIONAL_KPIS = [
  { id: 'colleges', label: '大中专院校', labelEn: 'Colleges', value: 17, unit: '所' },
  { id: 'students', label: '在校学生', labelEn: 'Students enrolled', value: 170000, unit: '人', qualifier: 'over' },
  { id: 'graduates', label: '每年输送技能人才', labelEn: 'Skilled graduates a year', value: 40000, unit: '名', qualifier: 'odd' },
  {
    id: 'orderClasses', label: '订单班和学徒制班', labelEn: 'Order and apprenticeship classes', value: 113, unit: '个',
    extra: { majors: 44, students: 4400, studentsQualifier: 'odd' },
  },
  { id: 'newMajors', label: '新建特色专业', labelEn: 'New majors matching local industry', value: 32, unit: '个' },
  { id: 'trainingBases', label: '校企共建实训基地', labelEn: 'School–enterprise training bases', value: 1300, unit: '个', qualifier: 'plus' },
  { id: 'industryColleges', label: '校企共建产业学院', labelEn: 'School–enterprise industry colleges', value: 24, unit: '个' },
  { id: 'talents', label: '引进高层次人才', labelEn: 'High-level talents attracted', value: 206, unit: '人' },
  { id: 'platforms', label: '国家级科研及服务平台', labelEn: 'National research/service platforms', value: 7, unit: '个', extra: { municipal: 118 } },
  { id: 'teachersSeconded', label: '教师到机关企业挂职', labelEn: 'Teachers seconded to agencies and firms', value: 1000, unit: '名', qualifier: 'plus' },
  { id: 'technicians', label: '企业技术人员到校任教', labelEn: 'Enterprise technicians teaching at schools', value: 600, unit: '名', qualifier: 'plus' },
  { id: 'youthEvents', label: '青年联谊活动', labelEn: 'Youth social events', value: 6, unit: '场', extra: { couples: 70, couplesQualifier: 'odd' } },
];

// ── FACTS.md §4 Economy (Jan–Sep 2022, 1至9月) ────────────────────────────────
/** FACTS.md §4: the reporting period of every figure below, as an ISO 8601 interval. */
export const ECONOMY_PERIOD = '2022-01/2022-09';
/** FACTS.md §4 "GDP": 860.9 亿元, growth 4.3%, growth ranks 3rd in the main metropolitan area. */
export const GDP = { value: 860.9, unit: '亿元', growth: 4.3, rank: 3, rankScope: '主城都市区', rankScopeEn: 'main metropolitan area' };
/** FACTS.md §4 "industrial output above designated size": growth 7.8%. */
export const INDUSTRY_GROWTH = 7.8;
/** FACTS.md §4 "fixed-asset investment": growth 5.6%. */
export const INVESTMENT_GROWTH = 5.6;
/** FACTS.md §4 "retail sales of consumer goods": growth 1.3%. */
export const RETAIL_GROWTH = 1.3;
/** FACTS.md §4 "projects signed this year": 80, total investment 462 亿元, output at full production 536 亿元/year. */
export const PROJECTS_SIGNED = { count: 80, investment: 462, output: 536 };
/** FACTS.md §4 "projects completed and in production": 20. */
export const PROJECTS_COMPLETED = 20;

//! The word lists the extractor reads a report with: what a number's role, qualifier and
//! year are (sentence), where a name starts and ends (names), and which category an
//! indicator falls in. Kept apart from the code so that a missed phrasing is one line here.

use crate::model::{Category, Qualifier};

/// Written before a number: the qualifier it gives.
pub(crate) const BEFORE_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("不低于", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("控制在", Qualifier::AtMost),
    ("大约", Qualifier::About),
    ("约", Qualifier::About),
    ("近", Qualifier::About),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("超过", Qualifier::MoreThan),
    ("突破", Qualifier::MoreThan),
    ("多于", Qualifier::MoreThan),
    ("超", Qualifier::MoreThan),
    ("逾", Qualifier::MoreThan),
];

pub(crate) const RISE: &[&str] = &[
    "增长", "增加", "增速", "增幅", "涨幅", "上涨", "上升", "提高", "提升", "扩大", "增",
];

pub(crate) const FALL: &[&str] = &[
    "下降", "降低", "减少", "回落", "下滑", "缩减", "降幅", "降", "减",
];

/// Words between a growth verb and its number: 增速为6%, 增长了3%.
pub(crate) const LINKS: &[&str] = &["了", "为", "达到", "达", "是"];

/// Compare with the year before; they carry no name.
pub(crate) const COMPARATORS: &[&str] = &[
    "按可比口径计算",
    "按可比口径",
    "可比口径",
    "按同口径",
    "同口径",
    "按可比价格计算",
    "可比价",
    "比上年同期",
    "较上年同期",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "同比",
    "年均",
    "同期",
    "实际",
    "名义",
];

/// 按 before a growth verb: 地区生产总值按增长5%安排 (an exact target). No part of a name.
pub(crate) const PLAN_BASIS: &[&str] = &["拟按照", "拟按", "按照", "按"];

/// Verbs that make an amount a change on the year before (比上年增加1.3万亿元) and their
/// sign; longest first where one ends another.
pub(crate) const CHANGE_VERBS: &[(&str, f64)] = &[
    ("净增加", 1.0),
    ("增加", 1.0),
    ("增长", 1.0),
    ("提高", 1.0),
    ("提升", 1.0),
    ("上升", 1.0),
    ("前移", 1.0),
    ("后移", -1.0),
    ("新增", 1.0),
    ("净增", 1.0),
    ("多", 1.0),
    ("减少", -1.0),
    ("下降", -1.0),
    ("降低", -1.0),
    ("少", -1.0),
];

/// Increments that name a level of their own when a subject follows them (新增高新技术企业
/// 300家), and are a change only right after a level (企业达到1200家、新增300家).
pub(crate) const NEW_VERBS: &[&str] = &["新增", "净增"];

/// Heads that measure something the sentence named just before (规模以上工业企业达5.2万家、
/// 增加值增长4%; 粮食播种面积2100万亩、产量900万吨): alone they are no name.
pub(crate) const CARRIED_HEADS: &[&str] = &[
    "增加值",
    "产量",
    "总产量",
    "产值",
    "总产值",
    "营业收入",
    "营收",
    "利润总额",
    "利润",
    "销售额",
    "销售收入",
    "单产",
    "出口额",
    "进口额",
];

/// What an earlier subject counts, dropped before a carried head: 粮食播种面积 + 产量 →
/// 粮食产量.
pub(crate) const OWNER_TAILS: &[&str] = &[
    "播种面积",
    "种植面积",
    "面积",
    "数量",
    "总数",
    "户数",
    "家数",
    "个数",
];

/// Heads of an industry's output: the firms that make it are dropped before them
/// (规模以上工业企业 + 增加值 → 规模以上工业增加值).
pub(crate) const OUTPUT_HEADS: &[&str] = &["增加值", "产值", "总产值"];

/// Adverbs before a verb with no object of its own (今年先发行1万亿元).
pub(crate) const VERB_ADVERBS: &[&str] = &[
    "先期",
    "先",
    "再",
    "拟",
    "又",
    "还",
    "继续",
    "计划",
    "将",
    "共",
    "一次性",
    "首批",
];

pub(crate) const LAST_YEAR_OF: &[&str] =
    &["上年同期的", "上年的", "去年的", "上年", "去年", "同期的"];

/// A change of value: 由X提高到Y.
pub(crate) const TO_VERBS: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增至",
    "上升到",
    "上升至",
    "下降到",
    "下降至",
    "降至",
    "降到",
    "降低到",
    "减少到",
    "减少至",
    "变为",
    "调整为",
    "扩大到",
    "扩大至",
    "达到",
];

/// Verbs of doing: a plan sentence without them before its first number states a fact.
pub(crate) const PLAN_VERBS: &[&str] = &[
    "实施", "新增", "新建", "建设", "完成", "实现", "力争", "确保", "达到", "推动", "推进", "打造",
    "设立", "投资", "集聚", "启动", "筹集", "开展", "举办", "培育", "引进", "争取", "计划", "建成",
    "改造", "提高", "提升", "增长", "下降", "控制", "稳定", "保持", "签约", "更新", "安装", "带动",
    "要", "将", "新改", "扩建", "整治", "治理", "组织", "发放", "培训",
];

/// Words that open a subject but are not part of the indicator's name.
pub(crate) const PREFIXES: &[&str] = &[
    "其中",
    "全年",
    "全市",
    "全省",
    "全区",
    "全县",
    "今年",
    "去年",
    "当年",
    "累计",
    "实现",
    "完成",
    "净增",
    "新增",
    "实施",
    "获得",
    "获评",
    "获批",
    "设立",
    "开展",
    "举办",
    "推动",
    "推进",
    "力争",
    "确保",
    "努力",
    "预计",
    "总计",
    "合计",
    "共",
    "我市",
    "达到",
    "达",
    "为",
    "是",
    "约",
    "超过",
    "超",
    "突破",
    "比上年",
    "同比",
    "较上年",
    "年均",
    "分别",
    "均",
    "的",
    "吸引",
    "全面",
    "持续",
    "进一步",
    "已经",
    "已",
    "将",
    "要",
    "并",
    "和",
    "及",
    "以及",
    "还",
    "同时",
    "此外",
    "全部",
    "新改扩建",
    "新建改造",
    "新建扩建",
    "改扩建",
    "新建",
    "连续",
    "两年",
    "三年",
    "五年",
];

/// Words that close a subject before its number.
pub(crate) const SUFFIXES: &[&str] = &[
    "连续",
    "稳定",
    "保持",
    "力争",
    "确保",
    "努力",
    "分别",
    "平均",
    "均",
    "各",
    "达到了",
    "达到",
    "达",
    "为",
    "是",
    "实现",
    "完成",
    "突破",
    "超过",
    "超",
    "约",
    "近",
    "累计",
    "共",
    "总计",
    "合计",
    "在",
    "的",
    "了",
    "年均",
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "增长",
    "下降",
    "提高",
    "提升",
    "增加",
    "减少",
    "降低",
    "稳定在",
    "保持在",
    "控制在",
    "提高到",
    "增加到",
    "已经",
    "已",
    "将",
    "要",
    "全部",
    "全年",
    "新增",
    "首次",
    "再",
    "又",
];

/// Words after which a subject has ended (the rest says how or where): the name is cut there.
pub(crate) const CUTS: &[&str] = &[
    "首次",
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "稳定在",
    "保持在",
    "控制在",
    "提高到",
    "提升到",
    "提高至",
    "增加到",
    "达到",
    "坚持",
    "持续",
    "继续",
];

/// Names that say nothing alone; the subject before them in the sentence completes them.
pub(crate) const GENERIC: &[&str] = &[
    "总量",
    "总数",
    "总额",
    "总计",
    "合计",
    "全长",
    "规模",
    "投资",
    "总投资",
    "年计划",
    "计划",
    "占比",
    "比重",
    "其中",
    "面积",
    "人数",
    "数量",
    "资金",
    "金额",
    "全年",
    "分别",
];

/// Verbs that may stand before a number with no subject of their own (新增重组4家…).
pub(crate) const VERBS: &[&str] = &[
    "重组",
    "改造",
    "新建",
    "建设",
    "建成",
    "投入",
    "引进",
    "培育",
    "打造",
    "组建",
    "实施",
    "举办",
    "开展",
    "新开工",
    "开工",
    "竣工",
    "签约",
    "招引",
    "获评",
    "获批",
    "创建",
    "建立",
    "设立",
    "新改扩建",
    "新建改造",
    "新建扩建",
    "改扩建",
    "解决",
    "推进",
    "推动",
    "集聚",
    "挂牌",
    "上市",
    "完成",
    "实现",
    "达到",
    "新增",
    "累计",
    "帮助",
    "吸引",
    "带动",
    "支持",
    "获得",
    "落实",
    "提供",
    "培训",
    "救助",
    "服务",
    "办理",
    "受理",
    "治理",
    "整治",
    "筹集",
    "发放",
    "减免",
    "兑现",
    "发行",
    "增发",
    "下达",
];

/// Words after which a noun phrase following a number stops: 204个项目|建成投产.
pub(crate) const AFTER_CUTS: &[&str] = &[
    "建成", "入选", "加快", "如期", "全部", "达到", "完成", "实现", "获得", "分布", "在", "位列",
    "投入", "交付", "是", "共同", "支持", "成为", "开工", "竣工", "落地", "投产", "通过", "被",
    "纳入", "列入", "提供", "覆盖", "受益", "参与", "惠及", "达", "得到", "开展", "运营", "上线",
    "和", "及", "与", "等", "已", "将", "获", "实施", "用于", "进行", "全线", "贯通", "正式",
];

/// Marks that a name's list continues after 、: shared heads completed on short items
/// (航空航天、医药制造业增加值 → 航空航天制造业增加值).
pub(crate) const HEADS: &[&str] = &[
    "制造业增加值",
    "增加值",
    "营业收入",
    "总收入",
    "收入",
    "总额",
    "产量",
    "人数",
    "投资",
    "产值",
    "利润",
    "销售额",
    "面积",
    "总量",
    "数量",
    "规模",
];

/// Keywords for each category, checked in order: the first hit wins.
pub(crate) const CATEGORIES: &[(Category, &[&str])] = &[
    (
        Category::Economy,
        &["生产总值", "GDP", "经济增长", "居民收入", "可支配收入"],
    ),
    (
        Category::Social,
        &[
            "困难群众",
            "补助",
            "低保",
            "养老",
            "托育",
            "医保",
            "适老",
            "护理",
            "医疗",
            "教育",
            "学校",
        ],
    ),
    (Category::Fiscal, &["财政", "预算", "债务", "节支", "税"]),
    (
        Category::Trade,
        &["出口", "进口", "外贸", "外资", "口岸", "跨境", "对外"],
    ),
    (
        Category::Tourism,
        &["游客", "旅游", "旅客", "文旅", "冰雪", "景区", "酒店"],
    ),
    (Category::Consumption, &["消费", "零售", "商品销售"]),
    (
        Category::Safety,
        &["安全", "事故", "燃气", "信访", "消防", "应急", "治安"],
    ),
    (
        Category::Employment,
        &["就业", "失业", "毕业生", "招聘", "技能培训"],
    ),
    (
        Category::Housing,
        &[
            "住房",
            "棚改",
            "保障房",
            "老旧小区",
            "危房",
            "房屋",
            "供热",
            "安置房",
        ],
    ),
    (
        Category::Environment,
        &[
            "空气", "水质", "PM", "造林", "植树", "生态", "排放", "能耗", "污水", "绿化", "森林",
            "碳", "侵蚀",
        ],
    ),
    (
        Category::Agriculture,
        &[
            "粮食",
            "农田",
            "农业",
            "农产品",
            "生猪",
            "肉蛋奶",
            "耕地",
            "乡村",
            "农村",
            "农民",
            "畜",
            "渔",
        ],
    ),
    (
        Category::Innovation,
        &[
            "研发",
            "科技",
            "高新技术企业",
            "创新",
            "实验室",
            "专利",
            "人才",
            "技术中心",
            "人工智能",
        ],
    ),
    (
        Category::Industry,
        &["工业", "制造", "产业", "增加值", "技改", "数字化"],
    ),
    (
        Category::Investment,
        &["投资", "项目", "签约", "招商", "内资", "开发区"],
    ),
    // Social words that also occur in the names of the categories above (文化旅游, 社区商业):
    // checked after them.
    (
        Category::Social,
        &[
            "幼儿园",
            "文化",
            "体育",
            "民生",
            "社区",
            "床位",
            "热线",
            "医院",
            "救助",
            "居民",
        ],
    ),
    (
        Category::Urban,
        &[
            "道路", "公里", "地铁", "管网", "公园", "街路", "城市", "桥", "供水", "停车", "轨道",
            "城镇",
        ],
    ),
    (Category::Economy, &["企业", "市场主体", "收入", "经济"]),
];

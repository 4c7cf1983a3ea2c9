"""Chinese suggestions composed from known parts, for terms no source gives.

English official titles and body names are built by rule from Chinese ones: "Deputy Secretary of
the CPC Beijing Municipal Committee" is 中共北京市委 + 副书记 with the order reversed (X of Y → Y的X,
written without 的 in titles). When every part is known, the composition is usually right, but it
is a guess: the pipeline stores it as status ``proposed`` with provenance ``composed``. A part that
is not known means no suggestion at all — in particular nothing is ever composed for a person.
"""
import re
from typing import Callable, Optional

Resolver = Callable[[str], Optional[str]]

# Title heads whose Chinese depends on what they head: the function gets the body's Chinese.
def _head(zh_body):
    for suffix, title in (("小组", "组长"), ("工作组", "组长"), ("部", "部长"), ("局", "局长"), ("区", "区长"),
                          ("市", "市长"), ("县", "县长"), ("院", "院长"), ("委员会", "主任"), ("委", "主任"),
                          ("办公室", "主任"), ("中心", "主任"), ("会", "会长")):
        if zh_body.endswith(suffix):
            return title
    return None


def _director(zh_body):
    for suffix, title in (("局", "局长"), ("司", "司长"), ("部", "部长"), ("厅", "厅长"), ("院", "院长")):
        if zh_body.endswith(suffix):
            return title
    return "主任"


def _chair(zh_body):
    return "主任" if zh_body.endswith(("委员会", "常委会")) and "政协" not in zh_body else "主席"


_TITLES = {
    "secretary": lambda b: "书记",
    "party secretary": lambda b: "书记",
    "general secretary": lambda b: "总书记",
    "secretary-general": lambda b: "秘书长",
    "secretary general": lambda b: "秘书长",
    "mayor": lambda b: "市长",
    "district mayor": lambda b: "区长",
    "head": _head,
    "director": _director,
    "director general": _director,
    "director-general": _director,
    "minister": lambda b: "部长",
    "chairman": _chair,
    "chairperson": _chair,
    "chair": _chair,
    "president": lambda b: "院长" if b.endswith("院") else "主席",
    "spokesperson": lambda b: "发言人",
    "spokesman": lambda b: "发言人",
    "member": lambda b: "委员" if b.endswith(("委员会", "委")) else "成员",
    "governor": lambda b: "省长",
}
_DEPUTY = (("first deputy ", "第一副"), ("executive deputy ", "常务副"), ("deputy ", "副"), ("vice ", "副"),
           ("vice-", "副"), ("assistant ", "助理"))

# Bodies named "<head> of <body>": the head's Chinese goes after the body's.
_BODY_HEADS = {
    "office": "办公室", "general office": "办公厅", "foreign affairs office": "外事办公室",
    "foreign affairs committee": "外事工作委员会", "foreign affairs commission": "外事工作委员会",
    "standing committee": "常务委员会", "secretariat": "秘书处", "leading group": "领导小组",
    "people's government": "人民政府", "government": "人民政府", "party committee": "党委",
    "publicity department": "宣传部", "organization department": "组织部",
}

_OF = re.compile(r"^(?P<head>.+?)\s+of\s+(?:the\s+)?(?P<rest>.+)$", re.I)
_CPC_COMMITTEE = re.compile(r"^(?:CPC|Communist Party of China)\s+(?P<place>.+?)\s+(?P<level>Municipal|District|County|Provincial)\s+Committee$", re.I)
_DISTRICT_GOV = re.compile(r"^(?P<place>.+?\s+District)\s+(?:People's\s+)?Government$", re.I)


def compose(en: str, resolve: Resolver, depth: int = 0) -> Optional[str]:
    """A Chinese form built from known parts, or None.

    >>> known = {"CPC Beijing Municipal Committee": "中共北京市委", "Leading Group": "领导小组", "Beijing": "北京"}
    >>> compose("Deputy Secretary of the CPC Beijing Municipal Committee", known.get)
    '中共北京市委副书记'
    >>> compose("First Deputy Head of the Leading Group", known.get)
    '领导小组第一副组长'
    >>> compose("Mayor of Beijing", known.get)
    '北京市市长'
    >>> compose("Zhang Wei", known.get) is None
    True
    """
    if depth > 4:
        return None
    en = re.sub(r"^(?:the|a|an)\s+", "", en.strip(), flags=re.I)

    def part(text):
        return resolve(text) or compose(text, resolve, depth + 1)

    m = _CPC_COMMITTEE.match(en)
    if m:
        place = m.group("place")
        level = m.group("level").lower()
        if level == "municipal":
            zh = part(place) or part(place + " Municipality")
            return f"中共{zh.rstrip('市')}市委" if zh else None
        suffix = {"district": "区", "county": "县", "provincial": "省"}[level]
        zh = part(f"{place} {m.group('level')}") or (part(place) and part(place).rstrip(suffix) + suffix)
        return f"中共{zh}委员会" if zh else None
    m = _DISTRICT_GOV.match(en)
    if m:
        zh = part(m.group("place"))
        return f"{zh}人民政府" if zh else None
    m = _OF.match(en)
    if not m:
        return None
    head, body = m.group("head").strip(), m.group("rest").strip()
    low = head.lower()
    prefix = ""
    for eng, zh_prefix in _DEPUTY:
        if low.startswith(eng) and low[len(eng):] in _TITLES:
            prefix, low = zh_prefix, low[len(eng):]
            break
    if low in _TITLES:
        zh_body = part(body)
        if not zh_body:
            return None
        if low == "mayor" and not zh_body.endswith(("市", "区", "县")):
            zh_body += "市"
        title = _TITLES[low](zh_body)
        return zh_body + prefix + title if title else None
    if low in _BODY_HEADS:
        zh_body = part(body)
        return zh_body + _BODY_HEADS[low] if zh_body else None
    return None

"""Composed suggestions built from the bundled reference list and vocabulary.

The names below are not reference entries (checked first), so each answer is built from parts; a
rule that stops firing, or fires on the wrong pattern, changes the Chinese.
"""
import pytest

from extract.compose import bundled_vocabulary, compose
from extract.reference import bundled


@pytest.fixture(scope="module")
def resolve():
    ref = bundled()

    def resolve(text):
        entry = ref.find_en(text)
        return entry.zh if entry else None

    return resolve


@pytest.mark.parametrize("en, zh", [
    # hyphenated partners are abbreviated to one character each
    ("China-Singapore Service Industry Cooperation Zone", "中新服务业合作区"),
    ("Sino-German Cooperation Park", "中德合作园"),
    # ... unless one has no one-character form: then written out with a dash
    ("China-ASEAN Expo Forum", "中国—东盟博览会论坛"),
    # two names without one-character forms keep the dash between them
    ("Beijing-Seoul Joint Committee", "北京—首尔混合委员会"),
    # "+" and codes with digits are kept as written
    ("5G + audio-visual", "5G+视听"),
    # a known phrase after "of" is taken whole; the year of an annual report goes first
    ("Monitoring and Evaluation Report of Improving Beijing's Role as the Center for International Exchanges"
     " in 2023", "2023年推进国际交往中心功能建设监测评估报告"),
    ("Haidian National Talent Management Reform Pilot Zone", "海淀国家人才管理改革试验区"),
])
def test_composed_from_parts(resolve, en, zh):
    assert resolve(en) is None, f"{en!r} is a reference entry now: pick a name that is not"
    assert compose(en, resolve, bundled_vocabulary()) == zh


# Rules that do not depend on the bundled data, with the parts given.
PARTS = {"Hong Kong and Macao": "港澳", "Hong Kong": "香港", "Macao": "澳门", "Macao SAR": "澳门特别行政区",
         "Foreign Affairs Office": "外事办公室", "Shijingshan District": "石景山区", "Beijing": "北京"}


@pytest.mark.parametrize("en, zh", [
    # a known phrase spanning "and" wins over splitting at the "and"
    ("Hong Kong and Macao SAR", "港澳特别行政区"),
    # a Party committee's foreign affairs office is its Foreign Affairs Committee's office
    ("Foreign Affairs Office of the CPC Shijingshan District Committee", "中共石景山区委外事工作委员会办公室"),
    # the government's is not
    ("Foreign Affairs Office of the Shijingshan District Government", "石景山区人民政府外事办公室"),
])
def test_rules_with_given_parts(en, zh):
    assert compose(en, PARTS.get, bundled_vocabulary()) == zh


def test_unknown_hyphenated_partner_gives_no_suggestion(resolve):
    assert compose("China-Atlantis Friendship Park", resolve, bundled_vocabulary()) is None


def test_persons_are_never_composed(resolve):
    assert compose("Zhang Wei", resolve, bundled_vocabulary()) is None

"""The Japanese pages use the glossary's terms and none of the spellings it marks as avoided.

The glossary page (docs/ja/glossary.md) is the one list: the last column of
its tables holds the spellings to avoid, so readers and contributors see the
same rule that this test enforces (tools/prh.py reads it).
"""

import re

import pytest

from docrun import DOCS, ROOT
from tools import prh

GLOSSARY = prh.GLOSSARY
# 学習 alone means "training" and is avoided; inside these set phrases it is fine.
SET_PHRASES = ["学習率", "過学習", "未学習", "学習曲線", "機械学習", "深層学習"]


def avoided_terms() -> list[str]:
    return [avoided for _, avoided in prh.rules()]


def prose(text: str) -> str:
    """Page text without code and HTML comments."""
    text = re.sub(r"^(\s*)(`{3,}).*?^\1\2\s*$", "", text, flags=re.M | re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def misused(text: str) -> list[str]:
    bare = prose(text)
    found = [t for t in avoided_terms() if re.search(prh.regex(t) or re.escape(t), bare)]
    for phrase in SET_PHRASES:  # 過学習する is fine; 学習する alone is not
        bare = bare.replace(phrase, "")
    if "学習" in bare:
        found.append("学習 (outside 学習率/過学習/未学習/学習曲線/機械学習/深層学習: use 訓練)")
    return found


PAGES = [p for p in sorted((DOCS / "ja").rglob("*.md")) if p != GLOSSARY]


@pytest.mark.parametrize("md", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_japanese_terms(md):
    assert misused(md.read_text(encoding="utf-8")) == []


def test_the_check_bites():
    assert ("損失", "ロス") in prh.rules()  # the term without its anchor and link, the avoided spelling
    assert ("オプティマイザ", "最適化器") in prh.rules()
    assert "オプティマイザー" in avoided_terms()
    assert misused("モデルを学習させます。") != []
    assert misused("精度が上がりました。") == ["精度"]
    assert misused("学習率と過学習と学習曲線。") == []
    assert misused("わざと過学習するモデル") == []
    assert misused("未学習のモデル") == []
    assert misused("ロスが下がる") == ["ロス"] and misused("クロスエントロピー") == []
    assert misused("学習率スケジューラを使う") == ["学習率スケジューラ"]

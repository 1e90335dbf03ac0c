"""Write prh.yml, textlint's rule for the glossary's terms, from docs/ja/glossary.md.

    python -m tools.prh

The glossary page is the one list of terms: the last column of its tables
holds the spellings to avoid. textlint-rule-prh reads this generated file (see
.textlintrc.json), so `npx textlint` alone enforces the glossary, and
tests/test_prose.py fails when prh.yml no longer matches the page.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "ja" / "glossary.md"
KATAKANA = re.compile(r"[ァ-ヴー]+")
ASCII = re.compile(r"[A-Za-z]+")
# Avoided spellings that are right after these words: バッチ正規化 (BatchNormalization) is not 標準化.
FINE_AFTER = {"正規化": ("バッチ", "層")}

PRH = ROOT / "prh.yml"


ANCHOR = re.compile(r'<a id="[^"]*"></a>')


def rules() -> list[tuple[str, str]]:
    """(preferred term, avoided spelling) for each avoided spelling in the glossary.

    The glossary has one table per topic; each row is
    `| <a id="loss"></a>[損失](compile.md#loss) | loss | meaning | ロス |`, its last
    cell the spellings to avoid. This is the one reader of those tables:
    tests/test_terms.py uses it too.
    """
    found = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("用語", "---") and cells[3]:
            term = ANCHOR.sub("", cells[0]).split("](")[0].lstrip("[").split("（")[0]  # nan（非数） -> nan
            # A note after an avoided spelling, in full-width parentheses, is not part of it.
            found += [(term, a.split("（")[0].strip()) for a in cells[3].split("、") if a.strip()]
    return found


def regex(avoided: str) -> str | None:
    """The avoided spelling as a regular expression (valid in Python and JavaScript),
    or None when the plain spelling is the pattern. tests/test_terms.py uses it too."""
    if avoided.startswith("学習"):  # 学習する, but not inside 過学習する, 未学習, 機械学習, 深層学習
        return f"(?<![過未械層]){avoided}"
    if KATAKANA.fullmatch(avoided):  # ロス, but not the ロス inside クロスエントロピー
        return f"(?<![ァ-ヴー]){avoided}(?![ァ-ヴー])"
    if ASCII.fullmatch(avoided):  # NaN, but not the NaN inside TerminateOnNaN
        return f"(?<![A-Za-z]){avoided}(?![A-Za-z])"
    if avoided in FINE_AFTER:
        return "".join(f"(?<!{word})" for word in FINE_AFTER[avoided]) + avoided
    return None


def render() -> str:
    lines = ["# Generated from docs/ja/glossary.md by `python -m tools.prh`; do not edit.", "version: 1", "rules:"]
    for term, avoided in rules():
        # 学習する -> 訓練する, 学習データ -> 訓練データ: the glossary avoids 学習 for 訓練.
        expected = avoided.replace("学習", "訓練") if "学習" in avoided and term.startswith("訓練") else term
        pattern = regex(avoided)
        lines += [f"  - expected: {expected}", f"    pattern: {f'/{pattern}/'!r}" if pattern else f"    pattern: {avoided}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    PRH.write_text(render(), encoding="utf-8")
    print(f"{PRH.name}: {len(rules())} rules")

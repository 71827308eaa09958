"""The README documents every command and every setting (and the two set-up commands)."""

from __future__ import annotations

import re

from broadsheet.cli import COMMANDS, build_parser
from broadsheet.settings import SETTINGS
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_setup_commands_come_first() -> None:
    first_section = README.split("\n## ")[1]
    assert "make demo" in first_section and "make test" in first_section


def test_every_command_is_documented() -> None:
    for name in COMMANDS:
        assert f"`broadsheet {name}" in README, name


def test_every_setting_is_documented_with_its_default() -> None:
    for setting in SETTINGS:
        row = re.search(rf"^\| `{setting.name}` \| `([^`]*)` \|", README, re.M)
        assert row, setting.name
        assert row.group(1).lower() == str(setting.default).lower(), setting.name


def test_every_command_help_has_an_example() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        assert "example:" in command.format_help() and f"broadsheet {name}" in command.format_help()


def test_every_dependency_is_pinned_in_the_constraints_file() -> None:
    """make install installs from constraints.txt: a dependency missing there would float."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + [d for extra in project["optional-dependencies"].values()
                                        for d in extra]
    pinned = {line.split("==")[0].strip().lower().replace("_", "-")
              for line in (REPO / "constraints.txt").read_text().splitlines()
              if "==" in line and not line.startswith("#")}
    for requirement in wanted:
        name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        assert name in pinned, f"{name} is not pinned in constraints.txt"
    assert "-c constraints.txt" in (REPO / "Makefile").read_text()

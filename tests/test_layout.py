"""The tests' own layout: what test modules share is in tests/helpers.py, conftest.py holds
only fixtures, and no module of tests/ imports a test module or conftest, so shared code
has one home and a test module can change without breaking another."""

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
THIS = Path(__file__).name

# An import written in a string: code run with `python -c` in a subprocess.
IMPORT_IN_TEXT = re.compile(
    r"\b(?:from\s+(tests(?:\.\w+)?)\s+import\s+(\w+)|import\s+(tests\.\w+))"
)


def forbidden(module: str) -> bool:
    """Whether `module` (dotted, absolute) is a test module or conftest of tests/, or in one."""
    package, _, rest = module.partition(".")
    name = rest.partition(".")[0]
    return package == "tests" and (name.startswith("test_") or name == "conftest")


def imports(source: str, in_strings: bool = True) -> list[tuple[int, str]]:
    """(line, module) of every module that `source` imports, in statements anywhere in the
    file and (`in_strings`) in strings of code; `from tests import x` counts as tests.x."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level > 1:
                continue  # above tests/: not a test module
            # `from . import x` and `from .m import x` are relative to the tests package.
            module = f"tests.{node.module}" if node.level and node.module else node.module
            module = module or "tests"
            found.append((node.lineno, module))
            if module == "tests":
                found += [(node.lineno, f"tests.{alias.name}") for alias in node.names]
        elif in_strings and isinstance(node, ast.Constant) and isinstance(node.value, str):
            for match in IMPORT_IN_TEXT.finditer(node.value):
                package, name, module = match.groups()
                if module:
                    found.append((node.lineno, module))
                else:
                    found.append((node.lineno, f"{package}.{name}"))
    return found


@pytest.mark.parametrize("path", sorted(TESTS.glob("*.py")), ids=lambda p: p.name)
def test_no_module_imports_a_test_module_or_conftest(path: Path) -> None:
    # This file's strings are the examples below, not code.
    found = imports(path.read_text(encoding="utf-8"), in_strings=path.name != THIS)
    bad = [f"{path.name}:{line}: imports {module}" for line, module in found if forbidden(module)]
    assert not bad, "import from tests.helpers instead:\n" + "\n".join(bad)


def test_the_check_finds_every_form_of_such_an_import() -> None:
    sources = [
        "from tests.test_history import Ledger",
        "from tests.conftest import run_cli",
        "import tests.test_changes",
        "import tests.conftest as c",
        "from tests import test_history, helpers",
        "from . import conftest",
        "from .test_changes import git",
        "def f():\n    from tests.test_changes import git",
        "code = 'import sys; from tests.test_report_formats import sample_report'",
        "code = 'import tests.test_report_formats'",
    ]
    for source in sources:
        assert any(forbidden(m) for _, m in imports(source)), source
    fine = [
        "from tests.helpers import git",
        "import tests.helpers",
        "from tests import helpers",
        "from projledger.changes import lock",
        "code = 'from tests.helpers import sample_report'",
        "ids = ['tests.test_history::test_x']",
    ]
    for source in fine:
        assert not any(forbidden(m) for _, m in imports(source)), source


def test_conftest_holds_only_fixtures() -> None:
    """conftest.py: its docstring, imports, and functions that are fixtures or hooks."""
    tree = ast.parse((TESTS / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            fixture = any("fixture" in ast.unparse(d) for d in node.decorator_list)
            assert fixture or node.name.startswith("pytest_"), node.name
        elif not isinstance(node, ast.Import | ast.ImportFrom):
            docstring = node is tree.body[0] and isinstance(node, ast.Expr)
            assert docstring, f"conftest.py:{node.lineno}: put it in tests/helpers.py"

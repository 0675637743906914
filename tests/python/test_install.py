"""cmake --install puts the package where the interpreter finds it under the prefix, and the
compiled module exports nothing but its entry point."""
import os
import pathlib
import subprocess
import sys
import sysconfig

import pytest

import agon
from conftest import MEXICO


def test_cmake_install_gives_an_importable_package(tmp_path):
    build = os.environ.get("AGON_BUILD_DIR")
    if not build:
        pytest.skip("AGON_BUILD_DIR not set (run through ctest)")
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", build, "--prefix", str(prefix), "--component", "python"], check=True,
                   capture_output=True)
    packages = "dist-packages" if "deb_system" in sysconfig.get_scheme_names() else "site-packages"
    site = prefix / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / packages
    assert sorted(p.name for p in (site / "agon").iterdir() if p.suffix != ".so") == \
        ["__init__.py", "_agon.pyi", "_data.py", "_display.py", "_extensions.py", "py.typed"]
    code = ("import agon; print(agon.__file__); "
            f"print(agon.load({str(MEXICO)!r}).evaluate(semantics='grounded')['designation'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(site)})
    file, label = out.stdout.split()
    assert pathlib.Path(file).is_relative_to(site) and label == "out"


def test_module_exports_only_its_entry_point():
    so = next(pathlib.Path(agon.__file__).parent.glob("_agon*.so"))
    out = subprocess.run(["nm", "-D", "--defined-only", str(so)], capture_output=True, text=True, check=True)
    assert [line.split()[-1] for line in out.stdout.splitlines()] == ["PyInit__agon"]

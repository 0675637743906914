"""Build agon's compiled module with the project's own CMake build (no download: the C++
dependencies come from the system, e.g. Debian's packages installed by scripts/setup.sh)."""
import os
import pathlib
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the repository: bindings/python/../..


class CMakeBuild(build_ext):
    """Configure the repository with only the Python module, build it, and put _agon.*.so in the package."""

    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        build.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                        "-DAGON_WITH_PYTHON=ON", "-DAGON_BUILD_TESTS=OFF", "-DAGON_BUILD_CLI=OFF",
                        "-DAGON_WITH_LUA=OFF", f"-DPython_EXECUTABLE={sys.executable}"], check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "--build", str(build), "--target", "agon_python", "-j", jobs], check=True)
        built = next((build / "bindings" / "python" / "agon").glob("_agon*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(built), str(target))


setup(ext_modules=[Extension("agon._agon", sources=[])], cmdclass={"build_ext": CMakeBuild})

#!/usr/bin/env python3
"""The bioconda-style recipe (packaging/conda): meta.yaml must be well-formed YAML after Jinja
templating (with stand-ins for conda-build's context functions), name this version, build with
the script beside it, and test `rvanno --version` and `rvanno db check`.
    check_conda_recipe.py RECIPE_DIR VERSION
Exits 77 (skipped) when python3-jinja2 or python3-yaml is missing."""
import os
import sys

try:
    import jinja2
    import yaml
except ImportError as e:
    print(f"SKIP: {e}")
    sys.exit(77)

recipe, version = sys.argv[1], sys.argv[2]
# conda-build's Jinja context (compiler, pin_subpackage, ...) as stand-ins giving plain strings.
context = {
    "compiler": lambda lang: f"{lang}_compiler_stub",
    "pin_subpackage": lambda name, **kw: f"{name} pin_subpackage_stub",
    "pin_compatible": lambda name, **kw: f"{name} pin_compatible_stub",
    "cdt": lambda name: f"{name}-cdt-stub",
    "environ": os.environ,
}
text = open(os.path.join(recipe, "meta.yaml")).read()
rendered = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(text).render(**context)
meta = yaml.safe_load(rendered)
errors = []


def need(cond, what):
    if not cond:
        errors.append(what)


need(meta["package"]["name"] == "rvanno", "package.name is rvanno")
need(str(meta["package"]["version"]) == version, f"package.version is the project version {version}")
need("url" in meta["source"] and "sha256" in meta["source"], "source has url and sha256")
need(isinstance(meta["build"]["number"], int), "build.number is an integer")
reqs = meta["requirements"]
need(any("cxx" in r for r in reqs["build"]), "a C++ compiler in requirements.build")
need(any(r.startswith("cmake") for r in reqs["build"]), "cmake in requirements.build")
for dep in ["htslib", "libboost-devel", "zlib", "nlohmann_json"]:
    need(any(r.split()[0] == dep for r in reqs["host"]), f"{dep} in requirements.host")
need("htslib" in reqs["run"], "htslib in requirements.run")
commands = meta["test"]["commands"]
need("rvanno --version" in commands, "test runs rvanno --version")
need("rvanno db check" in commands, "test runs rvanno db check")
need(meta["about"]["license_family"] == "MIT" and "CC0" in meta["about"]["license"], "about.license MIT and CC0")
root = os.path.dirname(os.path.dirname(os.path.abspath(recipe)))
for f in meta["about"]["license_file"]:
    need(os.path.exists(os.path.join(root, f)), f"license_file {f} exists in the repository")
build_sh = open(os.path.join(recipe, "build.sh")).read()
need("cmake --install" in build_sh and "PREFIX" in build_sh, "build.sh installs into $PREFIX with cmake")
need(os.access(os.path.join(recipe, "build.sh"), os.X_OK), "build.sh is executable")
if errors:
    print("FAIL:", *errors, sep="\n  ")
    sys.exit(1)
print("PASS: recipe renders to well-formed YAML with the expected content")

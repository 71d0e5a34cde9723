"""Checks a Python Pulumi program against the generated Python SDK without importing either (the pulumi package
need not be installed): every `purge.<name>(...)` it calls exists in the SDK with the keyword arguments it
passes, and every attribute it reads from what such a call returned is a property of that resource or result.
Prints a JSON object: the names it checked and the problems found.

Usage: python3 pythonExampleCheck.py <program.py> <sdk package folder> <module alias>
"""
import ast
import json
import pathlib
import re
import sys

program, sdk_dir, alias = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]

params = {}      # public class or function -> keyword arguments it takes
members = {}     # class -> names defined in its body (properties, methods)
returns = {}     # function -> the class its result holds
for source in sdk_dir.glob("*.py"):
    for node in ast.parse(source.read_text()).body:
        if isinstance(node, ast.ClassDef):
            defs = [b for b in node.body if isinstance(b, ast.FunctionDef)]
            members[node.name] = {b.name for b in defs}
            params[node.name] = {a.arg for b in defs if b.name in ("__init__", "_internal_init")
                                 for a in b.args.args + b.args.kwonlyargs}
        elif isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            params[node.name] = {a.arg for a in node.args.args + node.args.kwonlyargs}
            if node.returns is not None:
                found = re.findall(r"[A-Z]\w+Result", ast.unparse(node.returns))
                if found:
                    returns[node.name] = found[-1]

tree = ast.parse(pathlib.Path(program).read_text())
problems, checked, holds = [], [], {}
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and isinstance(node.func.value, ast.Name) and node.func.value.id == alias:
        name = node.func.attr
        checked.append(name)
        if name not in params:
            problems.append(f"{alias}.{name} is not in the SDK")
            continue
        for kw in node.keywords:
            if kw.arg is not None and kw.arg not in params[name] | {"opts"}:
                problems.append(f"{alias}.{name} takes no argument {kw.arg}")
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
            and isinstance(node.value.func, ast.Attribute) and getattr(node.value.func.value, "id", None) == alias:
        name = node.value.func.attr
        for target in node.targets:
            if isinstance(target, ast.Name):
                holds[target.id] = returns.get(name, name)
for node in ast.walk(tree):
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in holds:
        cls = holds[node.value.id]
        checked.append(f"{cls}.{node.attr}")
        if node.attr not in members.get(cls, set()):
            problems.append(f"{cls} has no property {node.attr}")

print(json.dumps({"checked": sorted(set(checked)), "problems": problems}))

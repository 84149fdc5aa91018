#!/usr/bin/python3
"""The JSON Schemas in schema/ against the files and the loaders they describe.

  schema_check.py validate SCHEMA_DIR KIND FILE...
      Validates each file against KIND's schema (handout, layout, strings, resources,
      front-matter; for front-matter the files are articles and their front matter is read).
  schema_check.py drift HANDOUT REPO SCHEMA_DIR WORK [KIND,...]
      Checks that the keys the loaders accept are exactly the schemas' keys, both ways:
      * every property of every schema, written with a valid value (its example or default) into
        a small clinic, is accepted by `handout build` (no "unknown key", exit 0); each required
        key left out, and each dependency broken, fails the build;
      * every key name the loader sources read (m.text("key"), set("key", ...), the strings
        file's key lists...) is a property of a schema that source feeds, and every schema
        property is read by one of its sources.
      With KINDs, only those schemas' keys are built (the reverse check reads them all).
  schema_check.py schemas SCHEMA_DIR COUNT
      COUNT schemas, each valid draft-07 JSON Schema with a description for every property.
  schema_check.py spoil SCHEMA_DIR add KIND DOTTED.KEY TYPE | remove KIND KEY | require KIND KEY
      Spoils the schemas in SCHEMA_DIR (a copy) for the tests: a property added (nested through
      the dots), a property removed, or a key made required.

Exit 0 when all is well, 1 with one line per problem. YAML is read as YAML 1.2 reads it
(yaml-language-server, yaml-cpp): 2026-11-02 is text, not a date.
"""
import concurrent.futures
import copy
import json
import os
import re
import shutil
import subprocess
import sys

import jsonschema
import yaml

KINDS = ["handout", "layout", "strings", "resources", "front-matter"]


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader without timestamps: a date stays the text it is in the file."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_schema(schema_dir, kind):
    with open(os.path.join(schema_dir, kind + ".schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    return schema


def front_matter(text):
    """The front matter as the tool finds it (content/markdown.cpp: split_front_matter)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0] != "---":
        return None
    for i, line in enumerate(lines[1:], 1):
        if line in ("---", "..."):
            return "\n".join(lines[1:i])
    return None


def validate(schema_dir, kind, files):
    validator = jsonschema.Draft7Validator(load_schema(schema_dir, kind))
    problems = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if kind == "front-matter":
            text = front_matter(text)
            if text is None:
                problems.append(f"{path}: no front matter")
                continue
        doc = yaml.load(text, Loader=Loader)
        for e in validator.iter_errors(doc):
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            problems.append(f"{path}: {where}: {e.message}")
    return problems


# --- walking a schema ----------------------------------------------------------------------------

def deref(root, s):
    while isinstance(s, dict) and "$ref" in s:
        target = root
        for part in s["$ref"].lstrip("#/").split("/"):
            target = target[part]
        s = target
    return s


def branches(root, s):
    """The schema and, through $ref, anyOf and oneOf, each alternative it allows."""
    s = deref(root, s)
    yield s
    for key in ("anyOf", "oneOf", "allOf"):
        for b in s.get(key, []):
            yield from branches(root, b)


def sample(root, s):
    """A valid value: the schema's own example or default, else one made from its type."""
    if "examples" in s:
        return copy.deepcopy(s["examples"][0])
    if "default" in s:
        return copy.deepcopy(s["default"])
    if "$ref" in s:
        return sample(root, deref(root, s))
    if "enum" in s:
        return s["enum"][0]
    if "const" in s:
        return s["const"]
    for key in ("anyOf", "oneOf"):
        if key in s:
            return sample(root, s[key][0])
    kind = s.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        return minimal(root, s)
    if kind == "array":
        return [sample(root, s["items"])] * max(1, s.get("minItems", 1))
    if kind in ("number", "integer"):
        return s.get("minimum", 1)
    if kind == "boolean":
        return True
    return "x"


def minimal(root, s):
    """An object with only its required properties."""
    s = deref(root, s)
    return {name: sample(root, s["properties"][name]) for name in s.get("required", [])}


def property_paths(root, s, path=()):
    """(path, parent object schema, property schema) for every property, nested ones too;
    "[]" in a path stands for a list's items."""
    for b in branches(root, s):
        for name, prop in b.get("properties", {}).items():
            yield path + (name,), b, prop
            yield from property_paths(root, prop, path + (name,))
        if "items" in b:
            yield from property_paths(root, b["items"], path + ("[]",))


def object_with(root, s, name):
    for b in branches(root, s):
        if name in b.get("properties", {}):
            return b
    raise KeyError(name)


def dep_keys(parent, name):
    """The keys `name` needs beside it: a dependency's list, or for a dependency written as a
    schema ({"anyOf": [{"required": [...]}, ...]}), its first alternative's."""
    dep = parent.get("dependencies", {}).get(name, [])
    if isinstance(dep, dict):
        return dep["anyOf"][0]["required"] if "anyOf" in dep else dep.get("required", [])
    return dep


def put(root, doc, path, value):
    """Sets `value` at `path` in `doc`, making the containers on the way (each with its required
    keys) and adding what the parent's `dependencies` ask for."""
    node, s = doc, root
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if step == "[]":
            s = next(b for b in branches(root, s) if "items" in b)["items"]
            if not node:
                node.append(sample(root, s) if not last else value)
            if last:
                node[0] = value
            node = node[0]
            continue
        parent = object_with(root, s, step)
        s = parent["properties"][step]
        if last:
            node[step] = value
            for dep in dep_keys(parent, step):
                node.setdefault(dep, sample(root, parent["properties"][dep]))
        elif path[i + 1] == "[]":
            if not isinstance(node.get(step), list):
                node[step] = []
        elif not isinstance(node.get(step), dict):
            node[step] = minimal(root, object_with(root, s, path[i + 1]))
        node = node[step]
    return doc


def get_parent(doc, path):
    node = doc
    for step in path[:-1]:
        node = node[0] if step == "[]" else node[step]
    return node


# --- the clinic each case builds -----------------------------------------------------------------

class Clinic:
    """A small clinic in WORK/case: config, one English article, and whichever file a case sets."""

    def __init__(self, handout, repo, work, schemas):
        self.handout, self.repo, self.work, self.schemas = handout, repo, work, schemas
        self.base = {
            "handout": {"clinic": {"name": "Test Clinic", "phone": "(555) 010-0000"}},
            "layout": {},
            # Every label, as the language-assistance notice needs its optional ones.
            "strings": {name: sample(schemas["strings"], prop)
                        for name, prop in schemas["strings"]["properties"].items()},
            "resources": {"resources": [{"name": "Test Resource"}]},
            "front-matter": {"title": "A Test"},
        }

    def build(self, kind, doc, case="case"):
        """Builds with `doc` as the file of `kind` (the others at their base) in WORK/CASE;
        returns (exit, stderr)."""
        d = os.path.join(self.work, case)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(os.path.join(d, "content/en"))
        os.makedirs(os.path.join(d, "layouts"))
        shutil.copy(os.path.join(self.repo, "assets/logo.png"), os.path.join(d, "logo.png"))
        docs = dict(self.base)
        docs[kind] = doc
        config = dict(docs["handout"])
        if kind == "layout":
            config["layout"] = "t"
        files = {
            "h.yaml": config,
            "layouts/t.yaml": docs["layout"],
            "content/en/strings.yaml": docs["strings"],
            "content/en/a.resources.yaml": docs["resources"],
        }
        for name, data in files.items():
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False)
        with open(os.path.join(d, "content/en/a.md"), "w", encoding="utf-8") as f:
            f.write("---\n" + yaml.safe_dump(docs["front-matter"], allow_unicode=True, sort_keys=False) +
                    "---\n\nSome words for the test.\n")
        r = subprocess.run([self.handout, "build", "--config", os.path.join(d, "h.yaml"), "--quiet", "--jobs", "1"],
                           capture_output=True, text=True, timeout=120)
        shutil.rmtree(d, ignore_errors=True)
        return r.returncode, r.stderr

    def build_all(self, cases):
        """build() for each (kind, doc), side by side in folders of their own; the results in order."""
        jobs = [(kind, doc, f"case-{n}") for n, (kind, doc) in enumerate(cases)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            return list(pool.map(lambda job: self.build(*job), jobs))


def forward(clinic, schemas, kinds):
    """Every schema property is accepted; every required key and dependency is enforced. The
    cases are worked out first, built side by side, then judged in order."""
    problems, cases, judges = [], [], []

    def case(kind, doc, judge):
        cases.append((kind, doc))
        judges.append(judge)

    for kind in kinds:
        root = schemas[kind]
        validator = jsonschema.Draft7Validator(root)

        def base_builds(rc, err, kind=kind):
            if rc != 0:
                return f"{kind}: the base case fails to build: {err.strip()}"
        case(kind, copy.deepcopy(clinic.base[kind]), base_builds)
        for path, parent, prop in property_paths(root, root):
            name = ".".join(path)
            doc = put(root, copy.deepcopy(clinic.base[kind]), path, sample(root, prop))
            invalid = [e.message for e in validator.iter_errors(doc)]
            if invalid:
                problems.append(f"{kind}: {name}: the test's own document is invalid: {invalid[0]}")
                continue

            def accepted(rc, err, kind=kind, name=name):
                if "unknown key" in err or rc != 0:
                    return (f"{kind}: '{name}' is in the schema but handout does not accept it "
                            f"(exit {rc}): {err.strip().splitlines()[0] if err.strip() else ''}")
            case(kind, doc, accepted)
            if path[-1] in parent.get("required", []):
                without = put(root, copy.deepcopy(clinic.base[kind]), path, sample(root, prop))
                del get_parent(without, path)[path[-1]]

                def required(rc, err, kind=kind, name=name, key=path[-1]):
                    if rc == 0 or f"missing required key '{key}'" not in err:
                        return f"{kind}: '{name}' is required by the schema, but handout builds without it"
                case(kind, without, required)
            for dep in dep_keys(parent, path[-1]):
                without = copy.deepcopy(doc)
                del get_parent(without, path)[dep]

                def needed(rc, err, kind=kind, name=name, dep=dep):
                    if rc == 0:
                        return f"{kind}: '{name}' needs '{dep}' in the schema, but handout builds without it"
                case(kind, without, needed)
    for judge, (rc, err) in zip(judges, clinic.build_all(cases)):
        problem = judge(rc, err)
        if problem:
            problems.append(problem)
    print(f"forward: {len(cases)} builds")
    return problems


# What each loader source feeds; patients.cpp reads CSV, yaml_reader.cpp is the reader itself.
SOURCES = {
    "clinic_config.cpp": ["handout"],
    "resources.cpp": ["handout", "resources"],  # resource entries: files and extra_resources
    "layout_config.cpp": ["layout"],
    "strings.cpp": ["strings"],
    "front_matter.cpp": ["front-matter"],
}
READ = re.compile(r'\b(?:text|number|integer|boolean|text_list|localized|child|link|set|read_choice|read_color)'
                  r'\(\s*(?:m,\s*)?"([A-Za-z_]+)"')
KEY_LIST = re.compile(r'keys\{(.*?)\};', re.S)  # strings.cpp: required_string_keys(), optional_string_keys()


def source_keys(path):
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"//[^\n]*", "", f.read())
    keys = set(READ.findall(text))
    for block in KEY_LIST.findall(text):
        keys |= set(re.findall(r'"([A-Za-z_]+)"', block))
    return keys


def reverse(repo, schemas):
    problems = []
    props = {kind: {p[-1] for p, _, _ in property_paths(root, root) if p[-1] != "[]"}
             for kind, root in schemas.items()}
    read = {}
    for source, kinds in SOURCES.items():
        keys = source_keys(os.path.join(repo, "src/config", source))
        read[source] = keys
        if len(keys) < 5:
            problems.append(f"{source}: only {len(keys)} keys found: has the way it reads keys changed?")
        known = set().union(*(props[k] for k in kinds))
        for key in sorted(keys - known):
            problems.append(f"src/config/{source} reads '{key}', which is in no schema it feeds ({', '.join(kinds)})")
    for kind in schemas:
        keys = set().union(*(read[s] for s, kinds in SOURCES.items() if kind in kinds))
        for key in sorted(props[kind] - keys):
            problems.append(f"{kind}.schema.json has '{key}', which its loader never reads")
    print("reverse: " + ", ".join(f"{s} {len(k)} keys" for s, k in read.items()))
    return problems


def all_properties(s):
    if isinstance(s, dict):
        yield from s.get("properties", {}).items()
        for v in s.values():
            yield from all_properties(v)
    elif isinstance(s, list):
        for v in s:
            yield from all_properties(v)


def check_schemas(schema_dir, count):
    files = sorted(f for f in os.listdir(schema_dir) if f.endswith(".schema.json"))
    if len(files) != count:
        return [f"{schema_dir}: {len(files)} schemas, not {count}: {files}"]
    problems = []
    for f in files:
        with open(os.path.join(schema_dir, f), encoding="utf-8") as handle:
            schema = json.load(handle)
        try:
            jsonschema.Draft7Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            problems.append(f"{f}: not a valid draft-07 schema: {e.message}")
        problems += [f"{f}: '{name}' has no description" for name, p in all_properties(schema)
                     if not p.get("description")]
    return problems


def spoil(schema_dir, how, kind, key, kind_of_value=None):
    path = os.path.join(schema_dir, f"{kind}.schema.json")
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    if how == "add":
        node = schema
        for part in key.split(".")[:-1]:
            node = node["properties"][part]
        node["properties"][key.split(".")[-1]] = {"type": kind_of_value, "description": "new"}
    elif how == "remove":
        del schema["properties"][key]
    elif how == "require":
        schema["required"].append(key)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(schema, f, indent=2)


def main(argv):
    if len(argv) == 4 and argv[1] == "schemas":
        problems = check_schemas(argv[2], int(argv[3]))
    elif len(argv) in (6, 7) and argv[1] == "spoil" and argv[3] in ("add", "remove", "require"):
        spoil(argv[2], *argv[3:])
        return 0
    elif len(argv) >= 4 and argv[1] == "validate":
        problems = validate(argv[2], argv[3], argv[4:])
        print(f"validate {argv[3]}: {len(argv) - 4} files")
    elif len(argv) in (6, 7) and argv[1] == "drift":
        handout, repo, schema_dir, work = argv[2:6]
        kinds = argv[6].split(",") if len(argv) == 7 else KINDS
        schemas = {kind: load_schema(schema_dir, kind) for kind in KINDS}
        problems = reverse(repo, schemas) + forward(Clinic(handout, repo, work, schemas), schemas, kinds)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Generates src/core/architectures/transformers/shared/model-classes.ts from a transformers source tree.

    python3 scripts/gen-model-classes.py PATH/TO/src/transformers > src/core/architectures/transformers/shared/model-classes.ts

It reads, without importing anything:
- models/auto/modeling_auto.py: every `AutoModel*` class, its `*_MAPPING_NAMES` (model_type -> class name);
- pipelines/__init__.py: each pipeline task's PyTorch Auto classes (and the task aliases);
- every models/*/modeling_*.py: the `__init__` of each class registered for a head, read as a recipe
  ("backbone `BertModel` without its pooler, then `classifier = nn.Linear(config.hidden_size, config.num_labels)`").

A recipe is written only when every step is one this reader understands (Linear, LayerNorm, Embedding,
Parameter, Sequential, the helper modules of the same file, `if`s on config values, the backbone model); otherwise
the class is listed with a null recipe and the estimator says it does not build it. The recipes are interpreted by
shared/heads.ts.
"""
import ast
import json
import os
import sys

ROOT = sys.argv[1]
MODELS = os.path.join(ROOT, "models")


class Unsupported(Exception):
    pass


# ---------------------------------------------------------------- auto mappings
def auto_mappings():
    tree = ast.parse(open(os.path.join(MODELS, "auto", "modeling_auto.py")).read())
    names, lazy, classes = {}, {}, {}
    for node in tree.body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        target = node.targets[0].id
        if target.endswith("_MAPPING_NAMES") and isinstance(node.value, ast.Call) and node.value.args:
            names[target] = ast.literal_eval(node.value.args[0])
        elif isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "_LazyAutoMapping":
            lazy[target] = node.value.args[1].id
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for st in node.body:
                if isinstance(st, ast.Assign) and getattr(st.targets[0], "id", "") == "_model_mapping":
                    classes[node.name] = names[lazy[st.value.id]]
    return classes


def pipeline_tasks():
    tree = ast.parse(open(os.path.join(ROOT, "pipelines", "__init__.py")).read())
    tasks, aliases = {}, {}
    for node in tree.body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        if node.targets[0].id == "TASK_ALIASES":
            aliases = ast.literal_eval(node.value)
        if node.targets[0].id == "SUPPORTED_TASKS":
            for key, value in zip(node.value.keys, node.value.values):
                for k, v in zip(value.keys, value.values):
                    if isinstance(k, ast.Constant) and k.value == "pt":
                        tup = v.body if isinstance(v, ast.IfExp) else v
                        tasks[key.value] = [e.id for e in tup.elts]
    return tasks, aliases


# ---------------------------------------------------------------- class index
CLASSES = {}  # name -> list of (module_dir, ClassDef)
PRETRAINED = set()


def index_classes():
    dirs = [os.path.join(MODELS, d) for d in sorted(os.listdir(MODELS))]
    dirs += [os.path.join(MODELS, "deprecated", d) for d in sorted(os.listdir(os.path.join(MODELS, "deprecated")))]
    # SequenceSummary and other shared heads live in modeling_utils.py.
    tree = ast.parse(open(os.path.join(ROOT, "modeling_utils.py")).read())
    for n in tree.body:
        if isinstance(n, ast.ClassDef):
            CLASSES.setdefault(n.name, []).append(("modeling_utils", n))
    for p in dirs:
        d = os.path.basename(p)
        if not os.path.isdir(p) or d == "deprecated":
            continue
        for f in sorted(os.listdir(p)):
            if f.startswith("modeling_") and f.endswith(".py") and not f.startswith(("modeling_tf_", "modeling_flax_")):
                tree = ast.parse(open(os.path.join(p, f)).read())
                for n in tree.body:
                    if isinstance(n, ast.ClassDef):
                        CLASSES.setdefault(n.name, []).append((d, n))
    # PreTrainedModel subclasses: a fixed point over base names.
    changed = True
    PRETRAINED.add("PreTrainedModel")
    while changed:
        changed = False
        for name, defs in CLASSES.items():
            if name in PRETRAINED:
                continue
            for _, n in defs:
                if any(getattr(b, "id", None) in PRETRAINED for b in n.bases):
                    PRETRAINED.add(name)
                    changed = True


def find_class(name, home):
    defs = CLASSES.get(name)
    if not defs:
        return None
    for d, n in defs:
        if d == home:
            return d, n
    return defs[0]


# ---------------------------------------------------------------- expressions
def cfg_expr(node, env):
    """A Python expression over config values, as a JSON expression tree."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return ["str", node.value]
        if node.value is None or isinstance(node.value, (bool, int, float)):
            return node.value
        raise Unsupported("constant")
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id]
        raise Unsupported(f"name {node.id}")
    if isinstance(node, ast.Attribute):
        base = node.value
        if isinstance(base, ast.Name) and base.id == "self" and node.attr == "config":
            return env["config"]
        if isinstance(base, ast.Name) and base.id == "self":
            key = "self." + node.attr
            if key in env:
                return env[key]
            raise Unsupported(f"self.{node.attr}")
        if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) and base.value.id == "self":
            owner = env.get("self." + base.attr)
            if isinstance(owner, list) and owner[:1] == ["module"] and len(owner) > 1:
                # `self.swin.num_features`: what the backbone's own __init__ assigns to that attribute.
                return init_attribute(owner[1], node.attr, env["config"])
        obj = cfg_expr(base, env)
        if isinstance(obj, list) and obj and obj[0] == "config" and obj[1] is None and ("cfg:" + node.attr) in env:
            return env["cfg:" + node.attr]
        if isinstance(obj, list) and obj and obj[0] == "config":
            return ["cfg", node.attr] if obj[1] is None else ["cfg", obj[1] + "." + node.attr]
        raise Unsupported("attribute of non-config")
    if isinstance(node, ast.BinOp):
        ops = {ast.Mult: "*", ast.Add: "+", ast.Sub: "-", ast.FloorDiv: "//", ast.Div: "/", ast.Pow: "**"}
        op = ops.get(type(node.op))
        if not op:
            raise Unsupported("binop")
        return [op, cfg_expr(node.left, env), cfg_expr(node.right, env)]
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            return ["not", cfg_expr(node.operand, env)]
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            return -node.operand.value
        raise Unsupported("unary")
    if isinstance(node, ast.BoolOp):
        op = "and" if isinstance(node.op, ast.And) else "or"
        out = cfg_expr(node.values[0], env)
        for v in node.values[1:]:
            out = [op, out, cfg_expr(v, env)]
        return out
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        ops = {ast.Eq: "==", ast.NotEq: "!=", ast.Gt: ">", ast.Lt: "<", ast.GtE: ">=", ast.LtE: "<=", ast.Is: "==", ast.IsNot: "!="}
        if type(node.ops[0]) in (ast.In, ast.NotIn):
            right = node.comparators[0]
            if isinstance(right, (ast.List, ast.Tuple, ast.Set)):
                inn = ["in", cfg_expr(node.left, env), [cfg_expr(e, env) for e in right.elts]]
                return inn if isinstance(node.ops[0], ast.In) else ["not", inn]
            raise Unsupported("in")
        op = ops.get(type(node.ops[0]))
        if not op:
            raise Unsupported("compare")
        return [op, cfg_expr(node.left, env), cfg_expr(node.comparators[0], env)]
    if isinstance(node, ast.IfExp):
        return ["?", cfg_expr(node.test, env), cfg_expr(node.body, env), cfg_expr(node.orelse, env)]
    if isinstance(node, ast.Subscript):
        idx = node.slice
        return ["idx", cfg_expr(node.value, env), cfg_expr(idx, env)]
    if isinstance(node, ast.Call):
        fn = node.func
        if isinstance(fn, ast.Name) and fn.id == "getattr" and len(node.args) in (2, 3):
            obj = cfg_expr(node.args[0], env)
            if isinstance(obj, list) and obj[0] == "config" and isinstance(node.args[1], ast.Constant):
                default = cfg_expr(node.args[2], env) if len(node.args) == 3 else None
                return ["get", node.args[1].value, default]
        if isinstance(fn, ast.Name) and fn.id == "hasattr" and len(node.args) == 2:
            obj = cfg_expr(node.args[0], env)
            if isinstance(obj, list) and obj[0] == "config" and isinstance(node.args[1], ast.Constant):
                return ["has", node.args[1].value]
        if isinstance(fn, ast.Name) and fn.id == "len" and len(node.args) == 1:
            return ["len", cfg_expr(node.args[0], env)]
        if isinstance(fn, ast.Name) and fn.id in ("int", "max", "min") and not node.keywords:
            return [fn.id] + [cfg_expr(a, env) for a in node.args]
        raise Unsupported("call in expression: " + ast.unparse(node)[:60])
    raise Unsupported("expression " + type(node).__name__)


# ---------------------------------------------------------------- modules
TORCH_SHAPES = {"zeros", "ones", "randn", "empty", "rand", "Tensor", "FloatTensor"}
STATELESS_NN = {
    "Dropout", "ReLU", "GELU", "Tanh", "Sigmoid", "Identity", "Flatten", "SiLU", "Softmax", "LogSoftmax", "Mish",
    "Dropout1d", "Dropout2d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "LeakyReLU", "ReLU6", "Hardswish", "ELU",
}


def kwargs_of(call):
    return {k.arg: k.value for k in call.keywords if k.arg}


def arg(call, i, name, default=None):
    kw = kwargs_of(call)
    if name in kw:
        return kw[name]
    if i < len(call.args):
        return call.args[i]
    return default


def module_expr(node, env, home):
    """A call building a module (or a conditional between two), as a JSON node; None when it is not a module."""
    if isinstance(node, ast.IfExp):
        a = module_expr(node.body, env, home)
        b = module_expr(node.orelse, env, home)
        if a is None and b is None:
            return None
        return ["?", cfg_expr(node.test, env), a or ["none"], b or ["none"]]
    if not isinstance(node, ast.Call):
        return None
    fn = node.func
    # nn.X(...)
    if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Attribute) and ast.unparse(fn.value) == "torch.nn":
        fn = ast.Attribute(value=ast.Name(id="nn"), attr=fn.attr)
    if isinstance(fn, ast.Name) and (fn.id in STATELESS_NN or fn.id.endswith("Loss")):
        return ["stateless", fn.id]
    if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name) and fn.value.id == "nn" and fn.attr.endswith("Loss"):
        return ["stateless", fn.attr]
    if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name) and fn.value.id == "nn":
        name = fn.attr
        if name == "Linear":
            bias = arg(node, 2, "bias", ast.Constant(True))
            return ["linear", cfg_expr(arg(node, 0, "in_features"), env), cfg_expr(arg(node, 1, "out_features"), env), cfg_expr(bias, env)]
        if name == "LayerNorm":
            affine = arg(node, 2, "elementwise_affine", ast.Constant(True))
            bias = arg(node, 3, "bias", ast.Constant(True))
            return ["layerNorm", cfg_expr(arg(node, 0, "normalized_shape"), env), cfg_expr(affine, env), cfg_expr(bias, env)]
        if name == "Embedding":
            return ["embedding", cfg_expr(arg(node, 0, "num_embeddings"), env), cfg_expr(arg(node, 1, "embedding_dim"), env)]
        if name in ("BatchNorm1d", "BatchNorm2d"):
            return ["batchNorm", cfg_expr(arg(node, 0, "num_features"), env), name]
        if name == "Parameter":
            return None
        if name == "Sequential":
            items = []
            for a in node.args:
                m = module_expr(a, env, home)
                if m is None:
                    raise Unsupported("Sequential item")
                items.append(m)
            return ["seq", items]
        if name in STATELESS_NN:
            return ["stateless", name]
        raise Unsupported("nn." + name)
    if isinstance(fn, ast.Name):
        if fn.id == "ACT2FN" or fn.id == "get_activation":
            return None
        if fn.id in PRETRAINED:
            kw = kwargs_of(node)
            drop = []
            for k, v in kw.items():
                if k == "add_pooling_layer":
                    val = cfg_expr(v, env)
                    # True: the backbone must have its pooler (some AutoModels are built without one by default).
                    drop.append(["pooler", ["not", val]] if val is not True else ["pooler", "required"])
                else:
                    raise Unsupported(f"backbone keyword {k}")
            if len(node.args) != 1 or not (isinstance(node.args[0], ast.Name) and node.args[0].id == "config"):
                raise Unsupported("backbone built from something else than config")
            return ["backbone", fn.id, drop]
        found = find_class(fn.id, home)
        if found:
            return helper_module(fn.id, found, node, env)
        if fn.id in ("getattr", "hasattr", "len", "int", "max", "min", "isinstance", "float"):
            return None
    raise Unsupported("call " + ast.unparse(node)[:60])


def init_attribute(cls_name, attr, config):
    """The expression a class's `__init__` assigns to `self.<attr>`, over its config (top-level statements only)."""
    found = find_class(cls_name, None)
    if not found:
        raise Unsupported("attribute of unknown class")
    _, cls = found
    init = next((st for st in cls.body if isinstance(st, ast.FunctionDef) and st.name == "__init__"), None)
    if init is None:
        raise Unsupported("attribute of a class without __init__")
    env = {"config": config}
    for st in init.body:
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            t = st.targets[0]
            if isinstance(t, ast.Name):
                try:
                    env[t.id] = cfg_expr(st.value, env)
                except Unsupported:
                    env[t.id] = ["unknown"]
            elif isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                if t.attr == attr:
                    return cfg_expr(st.value, env)
                try:
                    env["self." + t.attr] = cfg_expr(st.value, env)
                except Unsupported:
                    env["self." + t.attr] = ["unknown"]
    # A @property returning a config value (`ContextPooler.output_dim` → `self.config.pooler_hidden_size`).
    for st in cls.body:
        if isinstance(st, ast.FunctionDef) and st.name == attr and any(getattr(d, "id", None) == "property" for d in st.decorator_list):
            ret = st.body[-1]
            if isinstance(ret, ast.Return) and ret.value is not None:
                return cfg_expr(ret.value, {"config": config})
    raise Unsupported(f"{cls_name}.{attr} not assigned in __init__")


def bind(fn_def, call, env):
    """Binds a call's arguments to the parameter names of `__init__` (self excluded)."""
    params = [a.arg for a in fn_def.args.args][1:]
    defaults = fn_def.args.defaults
    bound = {}
    first_default = len(params) - len(defaults)
    for i, p in enumerate(params):
        if i >= first_default:
            d = defaults[i - first_default]
            bound[p] = cfg_expr(d, {}) if not isinstance(d, ast.Constant) or d.value is not None else None
    for i, a in enumerate(call.args):
        if i >= len(params):
            raise Unsupported("too many args")
        bound[params[i]] = cfg_expr(a, env) if not (isinstance(a, ast.Name) and a.id == "config") else env["config"]
    for k in call.keywords:
        if k.arg not in params:
            raise Unsupported("unknown keyword " + str(k.arg))
        v = k.value
        bound[k.arg] = env["config"] if isinstance(v, ast.Name) and v.id == "config" else cfg_expr(v, env)
    return bound


def helper_module(name, found, call, env):
    home, cls = found
    init = next((s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
    if init is None:
        raise Unsupported("no __init__ in " + name)
    local = bind(init, call, env)
    body = interpret_class(cls, init, local, home)
    return ["module", name, body]


def interpret_class(cls, init, local, home):
    """The children and parameters an `__init__` registers, in order."""
    out = []
    st_env = dict(local)
    if "config" not in st_env:
        st_env["config"] = ["config", None]
    run_block(init.body, st_env, out, home, cls)
    return out


def base_init(cls, call, env, out, home):
    base = cls.bases[0] if cls.bases else None
    base_name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
    if base_name in ("Module",) or base_name in PRETRAINED:
        return
    found = find_class(base_name, home)
    if not found:
        raise Unsupported("super of " + str(base_name))
    bhome, bcls = found
    init = next((s for s in bcls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
    if init is None:
        return
    local = bind(init, call, env)
    local.setdefault("config", env.get("config"))
    run_block(init.body, local, out, bhome, bcls)


def run_block(stmts, env, out, home, cls):
    for st in stmts:
        if isinstance(st, ast.Expr):
            c = st.value
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and isinstance(c.func.value, ast.Call) and getattr(c.func.value.func, "id", "") == "super" and c.func.attr == "__init__":
                base_init(cls, c, env, out, home)
                continue
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and c.func.attr in ("post_init", "warning", "warning_once", "info", "init_weights", "tie_weights", "warn"):
                continue
            if isinstance(c, ast.Constant):
                continue
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and c.func.attr == "register_buffer":
                out.append(buffer_item(c, env))
                continue
            raise Unsupported("statement " + ast.unparse(st)[:60])
        elif isinstance(st, ast.Assign):
            if len(st.targets) != 1:
                raise Unsupported("multi-assign")
            t = st.targets[0]
            if isinstance(t, ast.Name):
                try:
                    env[t.id] = cfg_expr(st.value, env)
                except Unsupported:
                    env[t.id] = ["unknown"]
                continue
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                assign_self(t.attr, st.value, env, out, home)
                continue
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "config" and t.attr == "num_labels":
                # `config.num_labels = 2` (question answering): only the head reads it, so the backbone is unchanged.
                env["cfg:num_labels"] = cfg_expr(st.value, env)
                continue
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Attribute) and isinstance(t.value.value, ast.Name) and t.value.value.id == "self":
                # `self.decoder.bias = self.bias`: a Parameter tied by assignment, re-registered on the child.
                src = st.value
                if isinstance(src, ast.Attribute) and isinstance(src.value, ast.Name) and src.value.id == "self":
                    out.append(["tie", t.value.attr, t.attr, src.attr])
                    continue
            raise Unsupported("assignment " + ast.unparse(st)[:60])
        elif isinstance(st, ast.AnnAssign):
            continue
        elif isinstance(st, ast.If):
            try:
                cond = cfg_expr(st.test, env)
            except Unsupported:
                cond = ["unknown"]
            a_out, b_out = [], []
            a_env, b_env = dict(env), dict(env)
            run_branch(st.body, a_env, a_out, home, cls)
            run_branch(st.orelse, b_env, b_out, home, cls)
            for k in set(a_env) | set(b_env):
                if a_env.get(k) != b_env.get(k):
                    env[k] = ["?", cond, a_env.get(k, ["unknown"]), b_env.get(k, ["unknown"])]
            if a_out or b_out:
                if cond == ["unknown"]:
                    raise Unsupported("condition " + ast.unparse(st.test)[:60])
                out.append(["if", cond, a_out, b_out])
        elif isinstance(st, (ast.Raise, ast.Assert, ast.Pass)):
            continue
        else:
            raise Unsupported("statement " + type(st).__name__)


def run_branch(stmts, env, out, home, cls):
    # A branch that raises is a config transformers rejects; it builds nothing.
    if any(isinstance(s, ast.Raise) for s in stmts):
        return
    run_block(stmts, env, out, home, cls)


def tensor_shape(node, env):
    """Shape and dtype of `torch.zeros(...)`-style constructors (float32) and `torch.arange(n).expand((1, -1))`."""
    if isinstance(node, ast.BinOp):
        # `torch.ones(n) / n`: the shape of the tensor operand.
        return tensor_shape(node.left, env)
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        raise Unsupported("tensor " + ast.unparse(node)[:60])
    if node.func.attr == "expand" and isinstance(node.func.value, ast.Call) and getattr(node.func.value.func, "attr", "") == "arange":
        n = node.func.value.args
        if len(n) == 1 and ast.unparse(node.args[0]) in ("(1, -1)",):
            return [1, cfg_expr(n[0], env)], "int64"
    if node.func.attr in TORCH_SHAPES and isinstance(node.func.value, ast.Name) and node.func.value.id == "torch":
        dims = node.args
        if len(dims) == 1 and isinstance(dims[0], (ast.Tuple, ast.List)):
            dims = dims[0].elts
        return [cfg_expr(d, env) for d in dims], "float32"
    raise Unsupported("tensor " + ast.unparse(node)[:60])


def buffer_item(call, env):
    name = arg(call, 0, "name")
    if not isinstance(name, ast.Constant):
        raise Unsupported("buffer name")
    shape, dtype = tensor_shape(arg(call, 1, "tensor"), env)
    persistent = arg(call, 2, "persistent", ast.Constant(True))
    return ["buffer", name.value, shape, dtype, cfg_expr(persistent, env)]


def assign_self(attr, value, env, out, home):
    if attr == "config":
        return
    # nn.Parameter(torch.zeros(...))
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "Parameter":
        shape, _ = tensor_shape(value.args[0], env)
        out.append(["param", attr, shape])
        env["self." + attr] = ["param"]
        return
    m = module_expr(value, env, home)
    if m is not None:
        out.append(["child", attr, m])
        env["self." + attr] = ["module", m[1]] if m[0] in ("backbone", "module") else ["module"]
        return
    try:
        env["self." + attr] = cfg_expr(value, env)
    except Unsupported:
        env["self." + attr] = ["unknown"]


def no_split_modules(cls_name, home=None):
    """`_no_split_modules` as the class sees it: its own body, else its bases' (PreTrainedModel: None)."""
    found = find_class(cls_name, home)
    if not found:
        return None
    d, cls = found
    for st in cls.body:
        if isinstance(st, (ast.Assign, ast.AnnAssign)):
            target = st.targets[0] if isinstance(st, ast.Assign) else st.target
            if getattr(target, "id", None) == "_no_split_modules":
                try:
                    value = ast.literal_eval(st.value) if st.value is not None else None
                    return None if value is None else list(value)
                except ValueError:
                    raise Unsupported("computed _no_split_modules")
    for b in cls.bases:
        name = getattr(b, "id", None)
        if name and name != "PreTrainedModel" and name in PRETRAINED:
            return no_split_modules(name, d)
    return None


def output_embeddings(cls_name, home=None):
    """The dotted path `get_output_embeddings()` returns (`lm_head`, `cls.predictions.decoder`), own or inherited."""
    found = find_class(cls_name, home)
    if not found:
        return None
    d, cls = found
    for st in cls.body:
        if isinstance(st, ast.FunctionDef) and st.name == "get_output_embeddings":
            ret = st.body[-1]
            if isinstance(ret, ast.Return) and ret.value is not None:
                parts = []
                node = ret.value
                while isinstance(node, ast.Attribute):
                    parts.append(node.attr)
                    node = node.value
                if isinstance(node, ast.Name) and node.id == "self" and parts:
                    return ".".join(reversed(parts))
            return None
    for b in cls.bases:
        name = getattr(b, "id", None)
        if name and name != "PreTrainedModel" and name in PRETRAINED:
            return output_embeddings(name, d)
    return None


def recipe(cls_name):
    found = find_class(cls_name, None)
    if not found:
        return None, "class not found"
    home, cls = found
    init = next((s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
    if init is None:
        return None, "no __init__"
    names = [a.arg for a in init.args.args][1:]
    if not names or names[0] != "config":
        return None, "init does not take config first"
    local = {"config": ["config", None]}
    defaults = init.args.defaults
    for name, d in zip(names[len(names) - len(defaults):], defaults):
        try:
            local[name] = cfg_expr(d, {})
        except Unsupported:
            local[name] = ["unknown"]
    try:
        body = interpret_class(cls, init, local, home)
    except Unsupported as e:
        return None, str(e)
    except (KeyError, IndexError, AttributeError, TypeError) as e:
        return None, f"reader error: {type(e).__name__}"
    if not any(item[0] == "child" and item[2][0] == "backbone" for item in body):
        return None, "no backbone model"
    try:
        return {"noSplit": no_split_modules(cls_name), "items": body}, None
    except Unsupported as e:
        return None, str(e)


def main():
    index_classes()
    autos = auto_mappings()
    tasks, aliases = pipeline_tasks()
    by_type = {}
    for auto, mapping in autos.items():
        if auto.startswith("_"):
            continue
        for model_type, cls in mapping:
            first = cls[0] if isinstance(cls, (list, tuple)) else cls
            by_type.setdefault(model_type, {})[auto] = first
    recipes, reasons = {}, {}
    for model_type, m in sorted(by_type.items()):
        for auto, cls in m.items():
            if auto == "AutoModel" or cls in recipes or cls in reasons:
                continue
            body, why = recipe(cls)
            if body is None:
                reasons[cls] = why
            else:
                recipes[cls] = body
    no_split = {}
    for model_type, m in by_type.items():
        for auto, cls in m.items():
            if auto == "AutoModel":
                continue
            try:
                no_split[cls] = no_split_modules(cls)
            except Unsupported:
                pass
    def table(obj, **kw):
        # A JSON string handed to JSON.parse: V8 reads it much faster than the same object as a JS literal, and
        # these tables are parsed on every start-up of the CLI.
        text = json.dumps(obj, separators=(",", ":"), **kw)
        return "JSON.parse(" + json.dumps(text) + ")"

    out = []
    out.append("// Generated by scripts/gen-model-classes.py from transformers 4.47's models/auto/modeling_auto.py,")
    out.append("// pipelines/__init__.py and the modeling files' `__init__`s. Do not edit by hand.")
    out.append('import type { HeadRecipe } from "./heads.js";')
    out.append("")
    out.append("/** model_type → Auto class → the class transformers registers for it (first of a tuple). */")
    out.append("export const MODEL_CLASSES: Readonly<Record<string, Readonly<Record<string, string>>>> = " + table(by_type, sort_keys=True) + ";")
    out.append("")
    out.append("/** Pipeline task → the Auto classes its pipeline tries, in order (PyTorch). */")
    out.append("export const PIPELINE_TASKS: Readonly<Record<string, readonly string[]>> = " + table(tasks) + ";")
    out.append("")
    out.append("export const TASK_ALIASES: Readonly<Record<string, string>> = " + table(aliases) + ";")
    out.append("")
    out.append("/** Head class → what its `__init__` registers, in order (see heads.ts); absent: not read (see HEAD_GAPS). */")
    # The largest table, needed only to build a head from its recipe: parsed on first use, not at start-up.
    out.append("let headRecipes: Readonly<Record<string, HeadRecipe>> | undefined;")
    out.append("export function HEAD_RECIPES(): Readonly<Record<string, HeadRecipe>> {")
    out.append("  return (headRecipes ??= " + table(dict(sorted(recipes.items()))) + ");")
    out.append("}")
    out.append("")
    out.append("/** Every registered head class's `_no_split_modules` (its own or inherited; null when none). */")
    out.append("export const CLASS_NO_SPLIT: Readonly<Record<string, readonly string[] | null>> = " + table(dict(sorted(no_split.items()))) + ";")
    out.append("")
    outputs = {}
    for model_type, m in by_type.items():
        for auto, cls in m.items():
            if auto != "AutoModel":
                path = output_embeddings(cls)
                if path:
                    outputs[cls] = path
    out.append("/** What each head class's `get_output_embeddings()` returns: the module `tie_weights()` ties to the input embeddings. */")
    out.append("export const OUTPUT_EMBEDDINGS: Readonly<Record<string, string>> = " + table(dict(sorted(outputs.items()))) + ";")
    out.append("")
    out.append("/** Head classes whose `__init__` the generator could not read, with why. */")
    out.append("export const HEAD_GAPS: Readonly<Record<string, string>> = " + table(dict(sorted(reasons.items()))) + ";")
    print("\n".join(out))
    print(f"recipes: {len(recipes)}, gaps: {len(reasons)}", file=sys.stderr)


main()

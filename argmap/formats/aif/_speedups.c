/* The AIF reader's two per-node loops in C: an optional accelerator for argmap.formats.aif._read.
 *
 * Loading a corpus of QT30's size spends most of the reader's time in two loops that run once per node:
 * indexing the node entries (read_nodes) and building a proposition for each I- and L-node
 * (propositions). In Python each costs about a hundred bytecodes per node; here they are plain C.
 *
 * The Python reader stays the definition. Each function here does the usual, well-formed case only
 * and either gives up (scan_nodes returns None, and the reader takes its own path) or hands the unusual
 * entry back to a Python callable (build_propositions' `slow`), so nothing is decided here that the
 * Python code does not decide the same way; tests compare the two on every corpus file and on drawn
 * input. Model objects are built as the reader's _maker builds them: an instance of the prototype's
 * class with every attrs field copied from the prototype and the given fields replaced, without
 * running attrs' checks (the reader has made them).
 *
 * Built by `make` (tools/build_speedups.py) where a C compiler exists; without it the reader runs in
 * pure Python.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

/* Raised whenever a function's arguments or results change; _read.py's _SPEEDUPS_API names it too. */
#define SPEEDUPS_API 1

/* ---- model objects from a prototype --------------------------------------------------------------- */

/* A prototype (an instance of a frozen slotted attrs class), the offsets of its fields' slots, and the
 * positions among them of the fields a caller sets. */
typedef struct {
    PyObject_HEAD
    PyObject *proto;
    Py_ssize_t nfields;
    Py_ssize_t *offsets;  /* every field's slot */
    Py_ssize_t nparams;
    Py_ssize_t *params;   /* the set fields' slots, in the order they are passed */
} MakerObject;

static void
maker_dealloc(MakerObject *self)
{
    Py_XDECREF(self->proto);
    PyMem_Free(self->offsets);
    PyMem_Free(self->params);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject MakerType;

/* The slot offset of a member descriptor; -1 with an exception if `descr` is not one. */
static Py_ssize_t
slot_offset(PyObject *descr)
{
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a slot's member descriptor");
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (member->type != T_OBJECT_EX || (member->flags & READONLY)) {
        PyErr_SetString(PyExc_TypeError, "expected a writable object slot");
        return -1;
    }
    return member->offset;
}

/* Maker(proto, fields, params): fields are the member descriptors of every attrs field of
 * type(proto); params those of the fields a call sets, in call order. */
static PyObject *
maker_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *proto, *fields, *params;
    if (!PyArg_ParseTuple(args, "OO!O!", &proto, &PyTuple_Type, &fields, &PyTuple_Type, &params)) {
        return NULL;
    }
    PyTypeObject *cls = Py_TYPE(proto);
    if (!(cls->tp_flags & Py_TPFLAGS_HEAPTYPE) || cls->tp_alloc == NULL) {
        PyErr_SetString(PyExc_TypeError, "the prototype must be an instance of a class defined in Python");
        return NULL;
    }
    MakerObject *self = (MakerObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->nfields = PyTuple_GET_SIZE(fields);
    self->nparams = PyTuple_GET_SIZE(params);
    self->offsets = PyMem_Calloc(self->nfields + 1, sizeof(Py_ssize_t));
    self->params = PyMem_Calloc(self->nparams + 1, sizeof(Py_ssize_t));
    if (self->offsets == NULL || self->params == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < self->nfields; k++) {
        if ((self->offsets[k] = slot_offset(PyTuple_GET_ITEM(fields, k))) < 0) {
            Py_DECREF(self);
            return NULL;
        }
        if (*(PyObject **)((char *)proto + self->offsets[k]) == NULL) {
            PyErr_SetString(PyExc_ValueError, "the prototype leaves a field unset");
            Py_DECREF(self);
            return NULL;
        }
    }
    for (Py_ssize_t k = 0; k < self->nparams; k++) {
        if ((self->params[k] = slot_offset(PyTuple_GET_ITEM(params, k))) < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    Py_INCREF(proto);
    self->proto = proto;
    return (PyObject *)self;
}

/* A new instance of the prototype's class: every field the prototype's, the params replaced by `values`
 * (borrowed; nparams of them). */
static PyObject *
make_from(MakerObject *maker, PyObject *const *values)
{
    PyObject *proto = maker->proto;
    PyTypeObject *cls = Py_TYPE(proto);
    PyObject *obj = cls->tp_alloc(cls, 0);
    if (obj == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < maker->nfields; k++) {
        Py_ssize_t off = maker->offsets[k];
        PyObject *value = *(PyObject **)((char *)proto + off);
        Py_INCREF(value);
        *(PyObject **)((char *)obj + off) = value;
    }
    for (Py_ssize_t k = 0; k < maker->nparams; k++) {
        PyObject **slot = (PyObject **)((char *)obj + maker->params[k]);
        PyObject *old = *slot;
        Py_INCREF(values[k]);
        *slot = values[k];
        Py_XDECREF(old);
    }
    return obj;
}

static PyObject *
maker_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    MakerObject *maker = (MakerObject *)self;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "a maker takes its values by position");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != maker->nparams) {
        PyErr_Format(PyExc_TypeError, "a maker takes %zd values, not %zd", maker->nparams,
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    return make_from(maker, &PyTuple_GET_ITEM(args, 0));
}

static PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "argmap.formats.aif._speedups.Maker",
    .tp_basicsize = sizeof(MakerObject),
    .tp_dealloc = (destructor)maker_dealloc,
    .tp_call = maker_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Maker(proto, fields, params): builds instances of type(proto) from its prototype.",
    .tp_new = maker_new,
};

/* ---- the node index (read_nodes' well-formed path) ------------------------------------------------ */

static PyObject *KEY_NODE_ID, *KEY_TYPE, *KEY_TEXT;
static PyObject *STR_EMPTY, *STR_SAYS, *CODE_UNTOUCHED_I, *CODE_UNTOUCHED_L;

/* One node entry into the tables (see scan_nodes): 1 if taken, 0 if irregular (the reader then reads
 * the list entry by entry), -1 on error. */
static int
entry(PyObject *kind, PyObject *texts, PyObject *counts, PyObject *rel, PyObject *wire, PyObject *known,
      PyObject *relational, PyObject *wired, Py_ssize_t k, PyObject *raw, PyObject *nid, PyObject *ntype,
      PyObject *text)
{
    if (PyErr_Occurred()) {
        return -1;
    }
    if (nid == NULL || ntype == NULL || !PyUnicode_CheckExact(nid) || !PyUnicode_CheckExact(ntype)) {
        return 0;
    }
    int found = PySet_Contains(known, ntype);
    if (found <= 0) {
        return found;
    }
    if (text == NULL) {
        text = STR_EMPTY;  /* no text: "" (the reader's _text of None) */
    }
    else if (!PyUnicode_CheckExact(text)) {
        return 0;
    }
    /* A second entry with this id: the reader reports it. */
    Py_ssize_t before = PyDict_GET_SIZE(kind);
    if (PyDict_SetDefault(kind, nid, ntype) == NULL) {
        return -1;
    }
    if (PyDict_GET_SIZE(kind) == before) {
        return 0;
    }
    Py_INCREF(text);
    PyList_SET_ITEM(texts, k, text);
    PyObject *count = PyDict_GetItemWithError(counts, ntype);
    if (count == NULL && PyErr_Occurred()) {
        return -1;
    }
    PyObject *next = PyLong_FromSsize_t(count == NULL ? 1 : PyLong_AsSsize_t(count) + 1);
    if (next == NULL || PyDict_SetItem(counts, ntype, next) < 0) {
        Py_XDECREF(next);
        return -1;
    }
    Py_DECREF(next);
    if ((found = PySet_Contains(relational, ntype)) != 0) {
        PyObject *pair = found < 0 ? NULL : PyTuple_Pack(2, nid, ntype);
        if (pair == NULL || PyList_Append(rel, pair) < 0) {
            Py_XDECREF(pair);
            return -1;
        }
        Py_DECREF(pair);
    }
    if ((found = PySet_Contains(wired, ntype)) != 0) {
        PyObject *triple = found < 0 ? NULL : PyTuple_Pack(3, nid, ntype, raw);
        if (triple == NULL || PyList_Append(wire, triple) < 0) {
            Py_XDECREF(triple);
            return -1;
        }
        Py_DECREF(triple);
    }
    return 1;
}

/* scan_nodes(nodes, known, relational, wired) -> (kind, texts, counts, relational_nodes, wired_nodes)
 * or None.
 *
 * For a list of node entries that are all dicts with a string nodeID (none twice), a type in `known`
 * and a string text (or none: ""), the tables read_nodes makes: node id -> type in file order, the texts
 * in the same order, the count of each type in order of first occurrence, the (id, type) of each node
 * whose type is in `relational`, and the (id, type, entry) of each whose type is in `wired`. For any
 * other list, None: the reader's own path then reads it entry by entry and reports what it finds. */
static PyObject *
scan_nodes(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyList_CheckExact(args[0]) || !PyAnySet_Check(args[1]) || !PyAnySet_Check(args[2])
        || !PyAnySet_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "scan_nodes(nodes: list, known: set, relational: set, wired: set)");
        return NULL;
    }
    PyObject *nodes = args[0], *known = args[1], *relational = args[2], *wired = args[3];
    Py_ssize_t n = PyList_GET_SIZE(nodes);
    PyObject *kind = PyDict_New();
    PyObject *texts = PyList_New(n);
    PyObject *counts = PyDict_New();
    PyObject *rel = PyList_New(0);
    PyObject *wire = PyList_New(0);
    if (kind == NULL || texts == NULL || counts == NULL || rel == NULL || wire == NULL) {
        goto error;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        /* Parsed JSON has only string keys, so no lookup below runs Python code; but read_data takes
         * any data, where a key's __eq__ could change the list or an entry: the list's size is checked
         * on every entry, and the entry and what is read from it are held while they are used. */
        if (PyList_GET_SIZE(nodes) != n) {
            goto irregular;
        }
        PyObject *raw = PyList_GET_ITEM(nodes, k);
        if (!PyDict_CheckExact(raw)) {
            goto irregular;
        }
        Py_INCREF(raw);
        PyObject *nid = PyDict_GetItemWithError(raw, KEY_NODE_ID);
        Py_XINCREF(nid);
        PyObject *ntype = nid == NULL ? NULL : PyDict_GetItemWithError(raw, KEY_TYPE);
        Py_XINCREF(ntype);
        PyObject *text = ntype == NULL ? NULL : PyDict_GetItemWithError(raw, KEY_TEXT);
        Py_XINCREF(text);
        int verdict = entry(kind, texts, counts, rel, wire, known, relational, wired, k, raw, nid, ntype, text);
        Py_DECREF(raw);
        Py_XDECREF(nid);
        Py_XDECREF(ntype);
        Py_XDECREF(text);
        if (verdict < 0) {
            goto error;
        }
        if (verdict == 0) {
            goto irregular;
        }
    }
    return Py_BuildValue("(NNNNN)", kind, texts, counts, rel, wire);
irregular:
    Py_DECREF(kind);
    Py_DECREF(texts);
    Py_DECREF(counts);
    Py_DECREF(rel);
    Py_DECREF(wire);
    Py_RETURN_NONE;
error:
    Py_XDECREF(kind);
    Py_XDECREF(texts);
    Py_XDECREF(counts);
    Py_XDECREF(rel);
    Py_XDECREF(wire);
    return NULL;
}

/* ---- the propositions (the reader's propositions()) ----------------------------------------------- */

/* text[start:end] without the whitespace str.strip() removes. */
static PyObject *
strip_range(PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    while (start < end && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start))) {
        start++;
    }
    while (end > start && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1))) {
        end--;
    }
    return PyUnicode_Substring(text, start, end);
}

/* 1 if `key` is in the dict or set `table` (which may be empty), 0 if not, -1 on error. */
static int
has(PyObject *table, PyObject *key)
{
    if (PyDict_Check(table)) {
        if (PyDict_GET_SIZE(table) == 0) {
            return 0;
        }
        return PyDict_Contains(table, key);
    }
    if (PySet_GET_SIZE(table) == 0) {
        return 0;
    }
    return PySet_Contains(table, key);
}

/* The node's argmap id (borrowed): the rewritten one, if any; NULL on error. */
static PyObject *
argmap_id(PyObject *ids, PyObject *nid)
{
    if (PyDict_GET_SIZE(ids) == 0) {
        return nid;
    }
    PyObject *id = PyDict_GetItemWithError(ids, nid);
    return id != NULL || PyErr_Occurred() ? id : nid;
}

static int
report_untouched(PyObject *problems, PyObject *code, PyObject *nid)
{
    PyObject *ids = PyTuple_Pack(1, nid);
    PyObject *entry = ids == NULL ? NULL : PyTuple_Pack(3, code, STR_EMPTY, ids);
    Py_XDECREF(ids);
    if (entry == NULL) {
        return -1;
    }
    int failed = PyList_Append(problems, entry);
    Py_DECREF(entry);
    return failed;
}

/* build_propositions(kind, texts, touched, anchoring, person_of, rephrases, ids, by_head, problems,
 *                    plain, locution, head_speaker, unnamed, slow) -> list
 *
 * The reader's propositions() loop (see there for what it does), with its tables passed in: `plain`
 * and `locution` are Makers (id, text) and (id, text, speaker); `head_speaker(head)` is the speaker a
 * locution's "Name" before its colon names, or None; `unnamed()` the speaker of a locution naming
 * nobody; `slow(nid, ntype, text)` builds the proposition of a node this loop leaves to the reader (an
 * I-node that rephrases another, an L-node whose speaker comes from the participants or from
 * "Name says '...'"). */
static PyObject *
build_propositions(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 14 || !PyDict_Check(args[0]) || !PyList_CheckExact(args[1]) || !PyAnySet_Check(args[2])
        || !PyAnySet_Check(args[3]) || !PyDict_Check(args[4]) || !PyDict_Check(args[5])
        || !PyDict_Check(args[6]) || !PyDict_Check(args[7]) || !PyList_CheckExact(args[8])
        || !Py_IS_TYPE(args[9], &MakerType) || !Py_IS_TYPE(args[10], &MakerType)) {
        PyErr_SetString(PyExc_TypeError, "build_propositions: unexpected arguments");
        return NULL;
    }
    PyObject *kind = args[0], *texts = args[1], *touched = args[2], *anchoring = args[3];
    PyObject *person_of = args[4], *rephrases = args[5], *ids = args[6], *by_head = args[7];
    PyObject *problems = args[8];
    MakerObject *plain = (MakerObject *)args[9], *locution = (MakerObject *)args[10];
    PyObject *head_speaker = args[11], *unnamed_of = args[12], *slow = args[13];
    if (plain->nparams != 2 || locution->nparams != 3 || PyList_GET_SIZE(texts) != PyDict_GET_SIZE(kind)) {
        PyErr_SetString(PyExc_ValueError, "build_propositions: tables do not match");
        return NULL;
    }
    PyObject *props = PyList_New(0);
    if (props == NULL) {
        return NULL;
    }
    PyObject *unnamed = NULL;
    Py_ssize_t pos = 0, k = 0;
    PyObject *nid, *ntype;
    while (PyDict_Next(kind, &pos, &nid, &ntype)) {
        /* (The callables are the reader's own and change none of these tables; checked all the same.) */
        if (k >= PyList_GET_SIZE(texts) || PyDict_GET_SIZE(kind) != PyList_GET_SIZE(texts)) {
            PyErr_SetString(PyExc_RuntimeError, "build_propositions: the tables changed while being read");
            goto error;
        }
        PyObject *text = PyList_GET_ITEM(texts, k++);
        PyObject *made = NULL;
        /* The type is "I" or "L", or the node is not one this loop builds. */
        if (!PyUnicode_CheckExact(ntype) || PyUnicode_GET_LENGTH(ntype) != 1) {
            continue;
        }
        Py_UCS4 letter = PyUnicode_READ_CHAR(ntype, 0);
        int is_i = letter == 'I';
        if (!is_i) {
            if (letter != 'L') {
                continue;
            }
            int anchors = has(anchoring, nid);
            if (anchors != 0) {
                if (anchors < 0) {
                    goto error;
                }
                continue;
            }
        }
        int seen = PySet_Contains(touched, nid);
        if (seen < 0 || (seen == 0 && report_untouched(problems, is_i ? CODE_UNTOUCHED_I : CODE_UNTOUCHED_L,
                                                       nid) < 0)) {
            goto error;
        }
        if (!PyUnicode_CheckExact(text)) {
            PyErr_SetString(PyExc_TypeError, "build_propositions: a text is not a string");
            goto error;
        }
        int unusual;
        if (is_i) {
            unusual = has(rephrases, nid);
        }
        else if ((unusual = has(person_of, nid)) == 0) {
            unusual = PyUnicode_Find(text, STR_SAYS, 0, PY_SSIZE_T_MAX, 1) >= 0;
            if (PyErr_Occurred()) {
                goto error;
            }
        }
        if (unusual < 0) {
            goto error;
        }
        if (unusual) {
            made = PyObject_CallFunctionObjArgs(slow, nid, ntype, text, NULL);
        }
        else if (is_i) {
            PyObject *id = argmap_id(ids, nid);
            if (id == NULL) {
                goto error;
            }
            PyObject *values[2] = {id, text};
            made = make_from(plain, values);
        }
        else {
            /* "Name : what was said": the speaker of each distinct "Name" found once (by_head). */
            Py_ssize_t len = PyUnicode_GET_LENGTH(text);
            Py_ssize_t colon = PyUnicode_FindChar(text, ':', 0, len, 1);
            if (colon == -2) {
                goto error;
            }
            PyObject *speaker = Py_None;
            PyObject *quote;
            if (colon >= 0 && colon + 1 < len
                && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, colon + 1))) {
                PyObject *head = PyUnicode_Substring(text, 0, colon);
                if (head == NULL) {
                    goto error;
                }
                speaker = PyDict_GetItemWithError(by_head, head);
                if (speaker == NULL) {
                    if (PyErr_Occurred()) {
                        Py_DECREF(head);
                        goto error;
                    }
                    PyObject *named = PyObject_CallOneArg(head_speaker, head);
                    if (named == NULL || PyDict_SetItem(by_head, head, named) < 0) {
                        Py_XDECREF(named);
                        Py_DECREF(head);
                        goto error;
                    }
                    Py_DECREF(named);  /* by_head holds it */
                    speaker = named;
                }
                Py_DECREF(head);
            }
            if (speaker != Py_None) {
                quote = strip_range(text, colon + 1, len);
            }
            else {
                if (unnamed == NULL && (unnamed = PyObject_CallNoArgs(unnamed_of)) == NULL) {
                    goto error;
                }
                speaker = unnamed;
                quote = strip_range(text, 0, len);
            }
            if (quote == NULL) {
                goto error;
            }
            PyObject *id = argmap_id(ids, nid);
            if (id == NULL) {
                Py_DECREF(quote);
                goto error;
            }
            PyObject *values[3] = {id, quote, speaker};
            made = make_from(locution, values);
            Py_DECREF(quote);
        }
        if (made == NULL || PyList_Append(props, made) < 0) {
            Py_XDECREF(made);
            goto error;
        }
        Py_DECREF(made);
    }
    Py_XDECREF(unnamed);
    return props;
error:
    Py_XDECREF(unnamed);
    Py_DECREF(props);
    return NULL;
}

static PyMethodDef methods[] = {
    {"scan_nodes", (PyCFunction)(void (*)(void))scan_nodes, METH_FASTCALL,
     "The node tables of a well-formed AIF node list, or None (see the reader's read_nodes)."},
    {"build_propositions", (PyCFunction)(void (*)(void))build_propositions, METH_FASTCALL,
     "The reader's propositions() loop (see there)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "argmap.formats.aif._speedups",
    .m_doc = "The AIF reader's per-node loops in C (optional; the reader runs without them).",
    .m_size = -1,
    .m_methods = methods,
};

static int
intern(PyObject **target, const char *text)
{
    *target = PyUnicode_InternFromString(text);
    return *target == NULL ? -1 : 0;
}

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (intern(&KEY_NODE_ID, "nodeID") < 0 || intern(&KEY_TYPE, "type") < 0 || intern(&KEY_TEXT, "text") < 0
        || intern(&STR_EMPTY, "") < 0
        || intern(&STR_SAYS, " says '") < 0 || intern(&CODE_UNTOUCHED_I, "AIF150") < 0
        || intern(&CODE_UNTOUCHED_L, "AIF151") < 0) {
        return NULL;
    }
    if (PyType_Ready(&MakerType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    /* The reader uses this module only if it was built from the source it expects (see _read.py). */
    if (PyModule_AddIntConstant(module, "API", SPEEDUPS_API) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    Py_INCREF(&MakerType);
    if (PyModule_AddObject(module, "Maker", (PyObject *)&MakerType) < 0) {
        Py_DECREF(&MakerType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

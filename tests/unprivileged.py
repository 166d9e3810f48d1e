"""Run as a reader for whom ``chmod 000`` means unreadable, wherever the checkout lives.

Tests run as root on CI, and root reads everything: a ``chmod 000`` file would be read and the
permission cases of the hostile corpus would prove nothing.  The reader therefore gives up the
power to ignore permissions, but not its identity:

* as root, it drops the two Linux capabilities that bypass file permissions for reading and
  searching (``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``) from its effective, permitted,
  inheritable and bounding sets.  It stays uid 0, so it can still import everything root owns
  (the checkout and the venv, even inside a ``chmod 700`` home folder), but a file or folder
  with no permission bits is as closed to it as to anyone.  Forked children inherit the drop;
  an exec'd child of uid 0 would get back whatever the bounding set still holds, so the drop
  from the bounding set is checked too, and its outcome is returned (the loader's workers are
  forked, so the tests hold either way);
* as any other user, nothing needs dropping.

An earlier version switched to uid 65534 (``nobody``) instead; it then could not import the
modules Python loads lazily (``pandas.core.methods.to_dict``) from a checkout in a folder that
others cannot enter.  :func:`reader_status` checks the result directly, so that a test can
assert that the reader really cannot open a ``chmod 000`` file rather than trusting the drop.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import stat
import tempfile

__all__ = ["drop_read_override", "reader_status"]

CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2
_LINUX_CAPABILITY_VERSION_3 = 0x20080522
_PR_CAPBSET_DROP = 24


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_read_override() -> str:
    """Give up reading past file permissions; return how (``"user"``, ``"capabilities"``, or
    ``"capabilities (bounding set kept)"`` where the bounding set could not be changed).

    Raises ``OSError`` naming the call that failed when root cannot drop its capabilities (a
    kernel or sandbox without ``capset``): the permission tests must then fail, not pass
    vacuously.
    """
    if os.geteuid() != 0:
        return "user"
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    bounding_dropped = True
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        # (needs CAP_SETPCAP; without it the drop below still holds for this process and the
        # children it forks)
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            bounding_dropped = False
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"capget failed: {os.strerror(err)}")
    keep = ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH)) & 0xFFFFFFFF
    for d in data[:1]:  # capabilities 0-31 live in the first word
        d.effective &= keep
        d.permitted &= keep
        d.inheritable &= keep
    if libc.capset(ctypes.byref(header), data) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"capset failed: {os.strerror(err)}")
    return "capabilities" if bounding_dropped else "capabilities (bounding set kept)"


def reader_status() -> dict[str, object]:
    """What this process can do with a ``chmod 000`` file and folder it creates itself.

    Both must be closed for the permission cases of a test to mean anything.
    """
    with tempfile.TemporaryDirectory(prefix="defcoop-probe-") as d:
        probe = os.path.join(d, "probe.txt")
        with open(probe, "w", encoding="utf-8") as fh:
            fh.write("probe")
        folder = os.path.join(d, "folder")
        os.mkdir(folder)
        os.chmod(probe, 0)
        os.chmod(folder, 0)
        try:
            try:
                with open(probe, "rb") as fh:
                    fh.read()
                file_readable = True
            except PermissionError:
                file_readable = False
            try:
                os.listdir(folder)
                folder_listable = True
            except PermissionError:
                folder_listable = False
        finally:
            # (owner may always chmod its own files, with or without the capabilities)
            os.chmod(folder, stat.S_IRWXU)
            os.chmod(probe, stat.S_IRUSR | stat.S_IWUSR)
    return {"uid": os.geteuid(), "file_readable": file_readable, "folder_listable": folder_listable}

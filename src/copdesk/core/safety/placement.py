"""Is a report somewhere SQLite is unsafe? Network shares and cloud-synced folders.

SQLite's locks and its WAL journal need one machine's file system: over SMB or NFS they fail or lie, and a
sync client (Dropbox, OneDrive, ...) uploads the report and its -wal file at different moments, or
replaces the file under an open connection. Users of other SQLite apps lost data that way (field notes,
§4.4). copdesk cannot fix the place, so it says so and offers a local working copy.

Detection: the file system type of the mount holding the file (/proc/mounts on Linux), a UNC path on
Windows, and folder names of the common sync clients anywhere in the path.
"""

from __future__ import annotations

import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
              "lustre", "gpfs", "davfs", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse",
              "fuse.glusterfs", "fuse.cephfs", "fuse.davfs2", "fuse.smbnetfs", "fuse.onedriver",
              "fuse.google-drive-ocamlfuse", "fuse.dropbox", "fuse.juicefs", "fuse.mergerfs", "webdav"}
SYNC_FOLDERS = {"dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive", "icloud",
                "mobile documents", "com~apple~clouddocs", "nextcloud", "owncloud", "box sync", "box drive",
                "pcloud drive", "pcloud", "mega", "megasync", "seafile", "tresorit", "sync.com", "syncthing"}
SYNC_PREFIXES = ("onedrive - ", "dropbox (", "google drive (", "nextcloud (")


def read_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def mount_of(path: Path, mounts: str) -> tuple[str, str] | None:
    """(mount point, file system type) of the deepest mount holding `path`."""
    target = str(path)
    best: tuple[str, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fstype)
    return best


def sync_folder(path: Path) -> str | None:
    """The name of a cloud-sync folder `path` lies in, if any."""
    for part in Path(path).parts[:-1]:
        name = part.lower()
        if name in SYNC_FOLDERS or name.startswith(SYNC_PREFIXES):
            return part
    return None


def unsafe_location(path: Path | str, mounts: str | None = None) -> str | None:
    """Why `path` is an unsafe place for a report (one sentence), or None when it is a local disk."""
    path = Path(path).absolute()
    if str(path).startswith(("\\\\", "//")):
        return f"{path} is on a network share."
    if sys.platform.startswith("linux") or mounts is not None:
        try:
            resolved = path.resolve()
        except OSError:
            resolved = path
        mount = mount_of(resolved, read_mounts() if mounts is None else mounts)
        if mount and (mount[1] in NETWORK_FS or mount[1].split(".")[0] in NETWORK_FS):
            return f"{path.name} is on a network file system ({mount[1]} at {mount[0]})."
    folder = sync_folder(path)
    if folder:
        return f"{path.name} is in a cloud-synced folder ({folder})."
    return None


def working_copy_path(path: Path) -> Path:
    """Where a local working copy of `path` goes: the user's data folder, a free name."""
    from copdesk import paths
    folder = paths.user_data_dir() / "working copies"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / Path(path).name
    n = 1
    while out.exists():
        n += 1
        out = folder / f"{Path(path).stem} ({n}){Path(path).suffix}"
    return out

"""Uploaded files on the local disk (settings.STORAGES["default"] when no S3 bucket is
configured: settings/storage.py): Django's FileSystemStorage, except that a file it could not
finish writing is not left behind.

Django's FileSystemStorage._save leaves whatever it wrote when the disk fills up (or a quota
is reached) part-way through a file: a truncated document under a name no row points to. The
error itself still goes up: the upload's database row is never written (a FileField saves its
file first), and the visitor gets the "no space" page (views.server_error, HTTP 507).
Delete this class if Django's storage ever cleans up after a failed write itself.
"""

import errno
import logging
import os
import threading

from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)

NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})


class UploadStorage(FileSystemStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writing = threading.local()  # the name this thread's _save is writing under

    def get_available_name(self, name, max_length=None):
        name = super().get_available_name(name, max_length)
        if getattr(self._writing, "name", None) is not None:
            self._writing.name = name  # the name was taken meanwhile: _save writes under this one
        return name

    def _save(self, name, content):
        self._writing.name = name
        try:
            return super()._save(name, content)
        except OSError as error:
            path = self.path(self._writing.name)
            # Django creates the file it writes exclusively (O_EXCL): a file under that name is this call's.
            if error.errno in NO_SPACE and os.path.isfile(path):
                try:
                    os.remove(path)
                except OSError:
                    logger.exception("Could not remove the partly written %s", path)
            raise
        finally:
            self._writing.name = None

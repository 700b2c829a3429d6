"""Where uploaded documents and images are kept (settings.STORAGES).

The local disk by default (core/storage.py); S3-compatible storage through django-storages
when the environment names a bucket, so several application servers share one set of files.
"""


def storages_from_environment(environ):
    return {
        # Django's FileSystemStorage, leaving no half-written file when the disk is full (core/storage.py).
        "default": {"BACKEND": "pbr_site.core.storage.UploadStorage"},
        # Compressed, content-hashed names; whitenoise serves them with far-future headers.
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

"""Where uploaded documents and images are kept (settings.STORAGES).

The local disk by default (core/storage.py); S3-compatible storage through django-storages
when the environment names a bucket, so several application servers share one set of files:
- AWS_STORAGE_BUCKET_NAME: the bucket (turns S3 on);
- AWS_S3_ENDPOINT_URL: the service's address, for S3-compatible services (MinIO, Ceph,
  a cloud's object storage); unset for Amazon S3;
- AWS_S3_REGION_NAME: the bucket's region;
- AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: read by boto3 itself (or an instance role);
- AWS_S3_CUSTOM_DOMAIN: optional, a domain (a CDN) that serves the bucket's files. Its
  links are not signed: anyone with one can fetch the file, so leave it unset while any
  document sits in a private collection.

Files are private in the bucket: documents can sit in private collections. Links to them are
signed and expire; Wagtail's document view checks a collection's privacy before it redirects
to one (its default WAGTAILDOCS_SERVE_METHOD for storage without local paths: never set it
to "direct", which would hand out the bucket's address without that check).
"""

from urllib.parse import urlsplit

# How long a signed link works, in seconds. Image links are signed into the pages a cache
# keeps (settings.PBR_PAGE_S_MAXAGE plus stale-while-revalidate, about 10 minutes): they must
# outlive a kept page, and a reader may leave a page open a while before images load.
SIGNED_LINK_SECONDS = 3600


def storages_from_environment(environ):
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if bucket:
        uploads = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options(environ, bucket)}
    else:
        # Django's FileSystemStorage, leaving no half-written file when the disk is full (core/storage.py).
        uploads = {"BACKEND": "pbr_site.core.storage.UploadStorage"}
    return {
        "default": uploads,
        # Compressed, content-hashed names; whitenoise serves them with far-future headers.
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


def s3_options(environ, bucket):
    """django-storages' S3Storage options (storages/backends/s3.py, get_default_settings).
    Plain values only: Wagtail's task that deletes a document's file rebuilds the storage from
    them (Storage.deconstruct()), and the database worker stores a task's arguments as JSON."""
    endpoint = environ.get("AWS_S3_ENDPOINT_URL") or None
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        # Signature version 4 everywhere: buckets made since 2020 refuse version 2 links, which
        # boto3 still makes for some Amazon regions.
        "signature_version": "s3v4",
        # Amazon S3: links on the bucket's regional host name (boto3 otherwise uses the global
        # one, which newer regions answer with a redirect). Other S3-compatible services keep
        # boto3's choice, the bucket in the path, so an endpoint on an IP address works.
        "addressing_style": None if endpoint else "virtual",
        # No ACL sent: objects stay as private as the bucket (S3's default), never public-read.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": SIGNED_LINK_SECONDS,
        # A second upload called report.pdf gets a name of its own, as on the disk, instead of
        # replacing the first document's file.
        "file_overwrite": False,
    }


def media_sources(environ):
    """The origins browsers load uploaded images from, for the Content-Security-Policy's
    img-src: none besides the site itself for the disk; the address django-storages' links
    point at for S3 (tests/core/test_s3_storage.py checks them against its url())."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return []
    options = s3_options(environ, bucket)
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    if options["endpoint_url"]:
        # boto3 puts the bucket in the path for an endpoint of one's own.
        address = urlsplit(options["endpoint_url"])
        return [f"{address.scheme}://{address.netloc}"]
    # Amazon S3: the bucket's regional host name, or the global one when no region is given.
    region = options["region_name"]
    return [f"https://{bucket}.s3.{region}.amazonaws.com" if region else f"https://{bucket}.s3.amazonaws.com"]

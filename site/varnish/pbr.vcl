vcl 4.1;
# The PbR Toolkit's HTTP cache rules for Varnish 7 (Debian's varnish package).
#
# This file has no backend: a top file names the application server(s) and includes it.
# `make serve` writes var/varnish/default.vcl, one gunicorn on 127.0.0.1:$(BACKEND_PORT):
#
#     vcl 4.1;
#     backend default { .host = "127.0.0.1"; .port = "8001"; }
#     include "/path/to/site/varnish/pbr.vcl";
#
# Several application servers: one backend each and a round-robin director
# (tests/browser/test_two_servers.py builds exactly that; README, "Running on more than one machine").
#
# What is kept: only what the application marks `Cache-Control: public, ..., s-maxage=N`
# (public pages, pbr_site/core/middleware.py) for N seconds, with stale-while-revalidate as
# grace, and static files for as long as whitenoise says. Never a response that sets a cookie,
# varies on Cookie or says private/no-cache/no-store. Requests with a session or messages
# cookie, an Authorization header, or for the admin go straight to the application.
# Wagtail's frontend cache (settings.WAGTAILFRONTENDCACHE, FRONTEND_CACHE_URL) sends a PURGE
# for every URL a publish changes: it drops that path whatever its query string.

import std;

# Who may PURGE: the application servers. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        # Varnish adds the client to X-Forwarded-For: a comma means a proxy in front (TLS)
        # passed the request on, so it came from a reader even if that proxy is on this host.
        if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
            return (synth(405, "Not allowed"));
        }
        # A path ending in "*" drops every stored path under it (the resource pack's entry
        # pages, the review's tag pages: one ban instead of one per entry). Only plain path
        # characters, so nothing in the path is read as a regular expression.
        if (req.url ~ "^/[A-Za-z0-9/_%-]*\*$") {
            if (std.ban("obj.http.x-pbr-path ~ ^" + std.tolower(regsub(req.url, "\*$", "")))) {
                return (synth(200, "Purged"));
            }
            return (synth(400, std.ban_error()));
        }
        # A ban on the stored path (x-pbr-path, set below) rather than a lookup: it also drops
        # every query-string variant (the pack's filtered lists, ?page=2, ...). It tests only obj.*,
        # so the ban lurker clears matching objects in the background. It is not limited to the
        # PURGE's Host: Wagtail names its Site's hostname (the demo's is "localhost"), which need
        # not be the Host readers send, and one Varnish serves one site.
        if (std.ban("obj.http.x-pbr-path == " + std.tolower(regsub(req.url, "\?.*$", "")))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.proto ~ "^(?i)HTTP/1.1" && !req.http.host) {
        return (synth(400));
    }

    # Tracking parameters change nothing on a page: dropped, so ?utm_content=<random> is the
    # plain page's entry. The other parameters keep their order: Django reads the last of a
    # repeated one, so ?q=a&q=b and ?q=b&q=a are different pages.
    if (req.url ~ "[?&](utm_[^=&]*|gclid|fbclid|msclkid)(=|&|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[^=&]*|gclid|fbclid|msclkid)(=[^&]*)?(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }

    # The address without a language (/) redirects by Accept-Language: two variants at most.
    # The first of cy or en in the reader's list wins (browsers list by preference).
    if (std.tolower(regsub(req.http.Accept-Language,
                           "(?i)^(?:[^,]*,)*?\s*(cy|en)(?:[-;\s][^,]*)?(?:,.*)?$", "\1")) == "cy") {
        set req.http.Accept-Language = "cy";
    } else {
        set req.http.Accept-Language = "en";
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)" || req.http.Authorization) {
        return (pass);
    }
    # Signed in, a self-assessment under way, or a message waiting: the page is that reader's.
    # Other cookies (CSRF, language) do not stop a hit; on a miss they still reach the application.
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|messages)=") {
        return (pass);
    }
    # Varnish's built-in rules would pass every request with a cookie: look up instead.
    return (hash);
}

sub vcl_hash {
    # Host and URL (Varnish's default), and the scheme the TLS proxy in front reports, so an
    # https page (with its HSTS header) is never given to a plain-http reader or the reverse.
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # For PURGE's ban: the path without its query string, lower-cased (as the PURGE's is), so
    # /cy/%c5%b5yl/ and /cy/%C5%B5yl/, one page stored twice, go together. Slugs are
    # lower-case, so a purge dropping another case's copy too only drops the same page.
    set beresp.http.x-pbr-path = std.tolower(regsub(bereq.url, "\?.*$", ""));

    if (beresp.http.Set-Cookie
        || beresp.http.Vary ~ "(?i)(^|,)\s*(cookie|\*)\s*(,|$)"
        || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)"
        || (bereq.url !~ "^/static/" && beresp.http.Cache-Control !~ "(?i)s-maxage=[1-9]")
        || beresp.ttl <= 0s) {
        # Not kept. Remembered as such for a short while, so readers of it are not queued
        # behind each other waiting for one response that will not be shareable.
        set beresp.ttl = 10s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish took the time to keep it from s-maxage (or whitenoise's max-age for /static/).
    # stale-while-revalidate: served a little past that while a fresh copy is fetched.
    if (beresp.http.Cache-Control ~ "(?i)stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "(?i)^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 0s);
    } else {
        set beresp.grace = 0s;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-pbr-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

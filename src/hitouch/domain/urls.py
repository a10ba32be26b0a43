"""Web addresses and social profiles."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_LINKEDIN = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com/(in|pub|company)/([^/?#]+)", re.I)


def url_key(url: str) -> str:
    """A matching key: scheme, 'www.', case of the host and trailing slashes do not matter."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    key = host + path
    if m := _LINKEDIN.match(key):
        return f"linkedin.com/{m[1].lower()}/{m[2].lower()}"
    return key + (f"?{parts.query}" if parts.query else "")


def url_kind(url: str) -> str:
    return kind_of_key(url_key(url))


def kind_of_key(key: str) -> str:
    """'linkedin', 'twitter', 'github'... or 'web', from a url_key."""
    for kind, hosts in _KINDS.items():
        if key.split("/", 1)[0] in hosts:
            return kind
    return "web"


_KINDS = {
    "linkedin": {"linkedin.com"},
    "twitter": {"twitter.com", "x.com"},
    "github": {"github.com"},
    "mastodon": {"mastodon.social"},
    "facebook": {"facebook.com"},
    "instagram": {"instagram.com"},
}

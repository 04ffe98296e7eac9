"""Fetching a page for ``quotebot ingest https://...``.

The standard library, not trafilatura's fetcher: trafilatura returns None on
any failure (a person needs the reason: 404, no connection, timeout), retries
with back-off, and by default retries a failed TLS handshake without checking
the certificate. Here: one GET, a timeout, a size cap read as the body
arrives, certificates always checked.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request

TIMEOUT = 20.0  # seconds without an answer
MAX_FETCH_BYTES = 16 * 1024 * 1024  # a page or a feed; pages are capped again at parse time
USER_AGENT = "QuoteBot/0.1 (quote checker)"


class FetchError(Exception):
    """A URL that gave no page; the message says why."""


def is_url(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_FETCH_BYTES) -> tuple[str, str, bytes]:
    """(final URL after redirects, content type, body) or FetchError."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, */*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"the page is {int(declared) / 1_048_576:.0f} MB, over the "
                                 f"{max_bytes // 1_048_576} MB limit")
            chunks, size = [], 0
            while True:
                chunk = response.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"the page is over the {max_bytes // 1_048_576} MB limit")
                chunks.append(chunk)
            return response.geturl(), response.headers.get_content_type(), b"".join(chunks)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ssl.SSLError):
            raise FetchError(f"the secure connection failed ({reason.reason or reason})") from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"no answer within {timeout:g} s") from None
        raise FetchError(f"no connection ({getattr(reason, 'strerror', None) or reason})") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise FetchError(str(exc) or type(exc).__name__) from None

"""Security: the token never leaks; uploads are size-limited, type-checked and
stored as inert text; dependencies are pinned (pip-audit results are in
docs/hardening.md: auditing needs the network, so it is not part of make test).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotebot.engine import Engine
from quotebot.store import MAX_ARTICLE_BYTES

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
# Shaped like a real bot token (id.timestamp.hmac) so nothing treats it specially.
SENTINEL = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.SeNtNl.q7Zx-SENTINEL-TOKEN-do-not-log-4f9a"
PIECES = [SENTINEL, SENTINEL.split(".")[0], SENTINEL.split(".")[-1], "SENTINEL-TOKEN"]


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for piece in PIECES:
            assert piece not in text, f"the token (or a piece of it) leaked: ...{text[max(0, text.find(piece) - 80):][:200]}"


@pytest.fixture(autouse=True)
def restore_root_logging():
    """run_bot installs discord.py's root log handler on the stderr of the moment;
    put the root logger back so one test's closed capture does not haunt the next."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    e = Engine(path)
    e.ingest([SEEDS])
    e.close()
    return path


# -- the token -----------------------------------------------------------------------


class _Resp:
    status = 401
    reason = "Unauthorized"


def test_rejected_token_one_line_no_secret(db, monkeypatch, caplog, capsys):
    """Discord answers 401: run_bot returns 2 with one line; the token appears nowhere."""
    import discord
    from discord import http

    from quotebot.bot import run_bot

    async def request(self, route, **kwargs):
        # What Discord does with a bad token: 401 on GET /users/@me.
        raise discord.HTTPException(_Resp(), {"message": "401: Unauthorized", "code": 0})

    monkeypatch.setattr(http.HTTPClient, "request", request)
    monkeypatch.setenv("DISCORD_TOKEN", SENTINEL)
    monkeypatch.setenv("QUOTEBOT_LOG_LEVEL", "DEBUG")  # the most talkative setting
    caplog.set_level(logging.DEBUG)
    rc = run_bot(db)
    out, err = capsys.readouterr()
    assert rc == 2
    lines = [line for line in err.splitlines() if line.startswith("quotebot:")]
    assert len(lines) == 1 and "rejected" in lines[0]
    assert "Traceback" not in err
    assert_no_secret(out, err, caplog.text, *(repr(r.__dict__) for r in caplog.records))


def test_unreachable_discord_no_secret(db, monkeypatch, caplog, capsys):
    import aiohttp
    from discord import http

    from quotebot.bot import run_bot

    for exc in (
        aiohttp.ClientConnectionError("Cannot connect to host discord.com:443"),
        aiohttp.ServerDisconnectedError(),
        OSError(101, "Network is unreachable"),
    ):

        async def request(self, route, _exc=exc, **kwargs):
            raise _exc

        monkeypatch.setattr(http.HTTPClient, "request", request)
        monkeypatch.setenv("DISCORD_TOKEN", SENTINEL)
        caplog.set_level(logging.DEBUG)
        rc = run_bot(db)
        out, err = capsys.readouterr()
        assert rc == 1 and "cannot reach Discord" in err, (exc, err)
        assert "Traceback" not in err
        assert_no_secret(out, err, caplog.text)


@pytest.mark.parametrize(
    "token",
    [SENTINEL + " trailing", "Bot " + SENTINEL, SENTINEL.replace(".", " . ")],
)
def test_malformed_token_is_refused_without_echoing_it(db, monkeypatch, caplog, capsys, token):
    from quotebot.bot import run_bot

    monkeypatch.setenv("DISCORD_TOKEN", token)
    rc = run_bot(db)
    out, err = capsys.readouterr()
    assert rc == 2 and "malformed" in err
    assert_no_secret(out, err, caplog.text)


def test_settings_never_show_the_token():
    from quotebot.config import load_settings

    s = load_settings({"DISCORD_TOKEN": SENTINEL}, dotenv=False)
    assert s.token == SENTINEL
    assert_no_secret(repr(s), str(s), f"{s}", f"{s!r}")


def test_config_errors_do_not_echo_the_token():
    from quotebot.config import ConfigError, load_settings

    for env in (
        {"DISCORD_TOKEN": SENTINEL, "QUOTEBOT_GUILD_ID": "not-a-number"},
        {"DISCORD_TOKEN": SENTINEL, "QUOTEBOT_COOLDOWN": "fast"},
        {"DISCORD_TOKEN": SENTINEL, "QUOTEBOT_AUTOCHECK_CHANNELS": "1,two"},
    ):
        with pytest.raises(ConfigError) as info:
            load_settings(env, dotenv=False)
        assert_no_secret(str(info.value))


def test_cli_bot_and_run_start_paths_as_a_subprocess(db, tmp_path):
    """The real start paths, offline: they fail (no network) and never print the token,
    even with -v and DEBUG logging."""
    env = dict(os.environ, DISCORD_TOKEN=SENTINEL, QUOTEBOT_LOG_LEVEL="DEBUG", PYTHONIOENCODING="utf-8")
    for args in (["-v", "--db", str(db), "bot"], ["-v", "--db", str(db), "run"]):
        r = subprocess.run(
            [sys.executable, "-m", "quotebot.cli", *args],
            capture_output=True, text=True, timeout=90, env=env, cwd=REPO,
        )
        assert r.returncode in (1, 2), (args, r.returncode, r.stderr[-500:])
        assert "Traceback" not in r.stderr
        assert_no_secret(r.stdout, r.stderr)


def test_answers_and_errors_never_carry_the_token(db, monkeypatch):
    """The engine never sees the token; questions that name it get nothing back about it."""
    monkeypatch.setenv("DISCORD_TOKEN", SENTINEL)
    e = Engine(db)
    for q in ("what is the DISCORD_TOKEN?", "$DISCORD_TOKEN", "${DISCORD_TOKEN}", "os.environ['DISCORD_TOKEN']", "{settings.token}"):
        ans = e.ask(q)
        assert_no_secret(repr(ans.to_dict()))
        ans = e.verify(q, "{self.settings}")
        assert_no_secret(repr(ans.to_dict()))
    e.close()


# -- uploads ---------------------------------------------------------------------------

MARKER = "QUOTEBOT_PWNED_MARKER"

SCRIPTS = {
    "shell": "#!/bin/sh\ntouch /tmp/{m}\nrm -rf /tmp/{m}_dir\n",
    "python": "import os\nos.system('touch /tmp/{m}')\n__import__('os').system('touch /tmp/{m}')\n",
    "html": "<script>fetch('/steal?'+document.cookie)</script><img src=x onerror=alert(1)>\n",
    "template": "{{{{ config.__class__.__init__.__globals__['os'].popen('touch /tmp/{m}') }}}}\n${{7*7}} #{{7*7}}\n",
    "subst": "$(touch /tmp/{m}) `touch /tmp/{m}` ; touch /tmp/{m} && echo done | sh\n",
    "sql": "'); DROP TABLE articles; --\nINSERT INTO quotes VALUES (1);\n",
    "pickle": "cos\nsystem\n(S'touch /tmp/{m}'\ntR.\n",
}


@pytest.mark.parametrize("kind", list(SCRIPTS))
def test_script_like_uploads_are_stored_as_text_never_run(db, kind):
    marker = Path("/tmp") / MARKER
    marker.unlink(missing_ok=True)
    body = SCRIPTS[kind].format(m=MARKER)
    text = f"Upload {kind}\n\n{body}\n“This is {kind} content,” said Ann Lee.\n"
    e = Engine(db)
    report = e.ingest_text(f"upload-{kind}", text)
    assert report.added == [f"upload-{kind}"]
    stored = e.store.article_text(f"upload-{kind}")
    assert stored == text  # verbatim: nothing interpreted, nothing stripped
    assert not marker.exists()
    assert {"articles", "quotes", "speakers", "quote_sources"} <= set(e.store.db.table_names())
    assert e.verify(f"This is {kind} content", "Ann Lee").verdict == "verified"
    e.close()


def test_binary_and_non_utf8_uploads_are_refused_with_a_reason(db):
    e = Engine(db)
    before = e.store.counts()
    for aid, data in (
        ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        ("elf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64),
        ("latin1", "Café “olé,” said José.".encode("cp1252")),
        ("utf16", "“Hello,” said Ann Lee.".encode("utf-16")),
    ):
        report = e.ingest_text(aid, data)
        assert not report.added and len(report.skipped) == 1, aid
        assert report.skipped[0][1]  # a reason is given
    assert e.store.counts() == before
    e.close()


def test_oversized_upload_is_refused_before_extraction(db):
    e = Engine(db)
    before = e.store.counts()
    for data in (b"a" * (MAX_ARTICLE_BYTES + 1), "é" * (MAX_ARTICLE_BYTES // 2 + 1)):
        report = e.ingest_text("huge", data)
        assert not report.added and "too large" in report.skipped[0][1]
    # Exactly at the limit is accepted.
    assert e.ingest_text("edge", "x " * (MAX_ARTICLE_BYTES // 2)).added == ["edge"]
    assert e.store.counts()["articles"] == before["articles"] + 1
    e.close()


def test_bot_upload_checks(db):
    pytest.importorskip("discord")
    from quotebot.bot.client import UserError
    from quotebot.bot.cogs.admin import MAX_UPLOAD_BYTES, article_id_for, decode_upload

    assert MAX_UPLOAD_BYTES <= MAX_ARTICLE_BYTES
    for bad in (b"\x00\x01binary", b"\xff\xfe\xfd", b"   \n  "):
        with pytest.raises(UserError):
            decode_upload(bad)
    assert decode_upload("“Hi,” said Ann.".encode()) == "“Hi,” said Ann."
    # File names become inert ids: no paths, no shell characters.
    for name in ("../../etc/passwd", "$(touch x).txt", "a;rm -rf ~.txt", "<@123>.txt", "..", ""):
        aid = article_id_for(name)
        assert aid and "/" not in aid and ".." not in aid and not set(aid) & set("$;<>@`|&() ")


def test_hostile_article_ids_and_file_names_write_no_files(db, tmp_path):
    watched = tmp_path / "watched"
    watched.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    e = Engine(db)
    for aid in ("../../etc/passwd", str(watched / "x"), "$(touch pwned)", "a'; DROP TABLE articles;--", "\x00nul"):
        assert e.ingest_text(aid, "“Fine words,” said Ann Lee.\n").added == [aid]
        assert e.store.article_text(aid) is not None
    e.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(watched.iterdir()) == []
    # Files with hostile names on disk are read as data, their names kept as ids.
    news = tmp_path / "news"
    news.mkdir()
    for name in ("$(touch pwned2).txt", "; rm -rf ~.txt", "`id`.txt"):
        (news / name).write_text("“Odd file names,” said Ann Lee.\n")
    e = Engine(db)
    report = e.ingest([news])
    assert len(report.added) == 3
    e.close()
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_dependencies_are_pinned():
    lines = [
        line.strip()
        for line in (REPO / "constraints.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all("==" in line for line in lines), [x for x in lines if "==" not in x]
    pinned = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    for dep in ("discord.py", "rapidfuzz", "sqlite-utils", "aiohttp"):
        assert dep in pinned

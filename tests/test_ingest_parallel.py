"""``saidwhat ingest --workers N``: analysis in worker processes, stored by the one write path in input
order — the same export, byte for byte, as the analysis in this process; a killed worker costs its
article only (a coded error), and unchanged inputs never reach a worker."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.errors import SaidwhatError
from saidwhat.ingest.parallel import ProcessAnalyser
from saidwhat.ingest.service import read_paths, store_sources
from saidwhat.settings import Settings
from saidwhat.store import export, open_store
from tests.conftest import ROOT, SAMPLES
from tests.sandbox_tasks import KILL_MARK
from tests.test_ingest_service import stage_tables

EXAMPLES = ROOT / "examples"


def _inputs(tmp_path: Path) -> tuple[list[str], Path]:
    """The examples, an article that kills its worker, the ../shared samples when present."""
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(f"Doomed\n\nThe mayor said on Monday that {KILL_MARK} was near.\n", encoding="utf-8")
    paths = [str(EXAMPLES), str(doomed)]
    if SAMPLES.is_dir():
        paths.append(str(SAMPLES))
    return paths, doomed


def _ingest(
    db: Path, paths: list[str], analyser: ProcessAnalyser | None
) -> tuple[list[str], list[SaidwhatError]]:
    settings = Settings(db=str(db))
    errors: list[SaidwhatError] = []
    with open_store(db) as store:
        docs = read_paths(paths, settings, on_error=errors.append)
        report = store_sources(store, docs, settings, analyser=analyser, on_error=errors.append)
    return [r.status for r in report.results], errors


def _export(db: Path) -> str:
    out = io.StringIO()
    with open_store(db, read_only=True) as store:
        export(store, "jsonl", out)
    return out.getvalue()


def test_two_workers_store_what_one_process_stores_and_a_killed_worker_costs_one_article(
    tmp_path: Path,
) -> None:
    paths, doomed = _inputs(tmp_path)
    here, there = tmp_path / "one.db", tmp_path / "two.db"
    statuses, errors = _ingest(here, [p for p in paths if p != str(doomed)], None)
    assert errors == [] and set(statuses) == {"new"}

    pool = ProcessAnalyser(2, min_per_worker=1, task="tests.sandbox_tasks:ingest_or_die")
    statuses2, errors2 = _ingest(there, paths, pool)
    assert pool.stats.workers == 2 and not pool.stats.in_process
    assert pool.stats.restarts == 1  # the killed worker was replaced and the batch went on
    assert [(e.code, e.source) for e in errors2] == [("E_MEMORY", str(doomed))]
    assert "SIGKILL" in errors2[0].message
    assert statuses2 == statuses
    assert _export(there) == _export(here)  # same documents, same order, byte for byte
    # the corpus stages' tables too: made from the parts the workers sent (tests/test_ingest_service.py:
    # the same as from the stored articles)
    with open_store(here, read_only=True) as one, open_store(there, read_only=True) as other:
        assert stage_tables(other) == stage_tables(one) and stage_tables(one)["claim_facts"]
    assert pool.stats.peak_rss and all(v > 50 * 2**20 for v in pool.stats.peak_rss.values())
    assert pool.stats.pss.keys() == pool.stats.peak_rss.keys()  # the workers alive at the end
    with sqlite3.connect(there) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # a re-run: every stored text is skipped by its content hash, no worker is started
    again = ProcessAnalyser(2, min_per_worker=1)
    statuses3, errors3 = _ingest(there, [p for p in paths if p != str(doomed)], again)
    assert errors3 == [] and set(statuses3) == {"unchanged"} and len(statuses3) == len(statuses)
    assert again.stats.workers == 0


def test_small_batches_are_analysed_in_process() -> None:
    pool = ProcessAnalyser(2)  # 4 articles per worker at least: 2 articles need no worker process
    settings = Settings()
    docs = list(read_paths([str(EXAMPLES)], settings, on_error=pytest.fail))
    assert [a.doc.source for _, a in pool(docs, settings)] == [d.source for d in docs]
    assert pool.stats.in_process and pool.stats.workers == 1


def test_cli_workers_option_is_checked(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--workers", "0"])
    assert r.exit_code == 2 and "--workers" in r.output
    r = runner.invoke(
        app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--workers", "2", "--ray"]
    )
    assert r.exit_code == 1 and "error[E_BAD_REQUEST]" in r.output and not (tmp_path / "x.db").exists()


def test_a_worker_sends_the_corpus_stages_parts_with_the_analysis() -> None:
    """The job of a worker process or Ray actor: the analysis with the corpus stages' parts of it, which
    travel with it (pickled) to the writer and are no part of its saidwhat/1 document."""
    import pickle

    from saidwhat.corpus import CORPUS_STAGES
    from saidwhat.ingest.parallel import ArticleJob, run_job

    settings = Settings()
    doc = next(iter(read_paths([str(EXAMPLES)], settings, on_error=pytest.fail)))
    analysis = run_job(ArticleJob(doc, settings))
    assert analysis.prepared is not None and len(analysis.prepared) == 2  # stories and claims
    assert analysis.prepared == CORPUS_STAGES.article_parts(analysis)
    back = pickle.loads(pickle.dumps(analysis))
    assert back.prepared == analysis.prepared and back == analysis
    assert "prepared" not in analysis.to_dict() and back.to_dict() == analysis.to_dict()

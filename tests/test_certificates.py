"""Certificates: issued for a level reached in exam mode, verified offline, tampering caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulator.authoring.goldens import load_tests
from simulator.cli.main import main
from simulator.engine.catalog import resolve
from simulator.engine.session import Session
from simulator.records import Store
from simulator.records.sink import RecordingSink
from simulator.training.tracks import load_tracks

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def pass_level_one(trainee: str) -> None:
    """Exam-mode passes of every level-1 scenario, from each scenario's good golden call."""
    [track] = load_tracks(ROOT / "scenarios" / "tracks")
    with Store.open(None) as store:
        for scenario_id in track.levels[0].scenarios:
            golden = load_tests(ROOT / "scenarios" / "tests" / f"{scenario_id}.test.yaml")
            conversation = golden.tests.conversations[0]
            scenario = resolve(scenario_id, ROOT / "scenarios").scenario
            session = Session(
                scenario,
                seed=conversation.seed,
                mode="exam",
                trainee=trainee,
                sink=RecordingSink(store),
            )
            for step in conversation.steps:
                if not session.ended:
                    session.say(step.say)
            session.end(note=conversation.note)


@pytest.fixture
def certificate(tmp_path: Path, store_url: str, capsys: pytest.CaptureFixture[str]) -> Path:
    """A level-1 certificate, over records in each backend (store_url is the default)."""
    pass_level_one("小李")
    path = tmp_path / "cert.json"
    status, out, err = run("hr", "certify", "小李", "-o", str(path), capsys=capsys)
    assert status == 0, err
    assert "L1" in out
    return path


def test_a_reached_level_is_certified_and_verifies(
    certificate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(certificate.read_text("utf-8"))
    assert document["certificate"]["level"] == "L1"
    assert len(document["certificate"]["evidence"]) == 3
    status, out, _ = run("hr", "verify", str(certificate), capsys=capsys)
    assert status == 0
    assert out.startswith("valid: 小李 reached L1") and "records" in out


def test_tampering_is_caught(certificate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(certificate.read_text("utf-8"))
    document["certificate"]["level"] = "L3"
    certificate.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    status, out, _ = run("hr", "verify", str(certificate), capsys=capsys)
    assert status == 1 and out.startswith("invalid: tampered")


def test_another_centres_key_is_unknown(
    certificate: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(isolated_home / "keys")
    run("hr", "certify", "小李", "-o", str(certificate.with_suffix(".new")), capsys=capsys)
    status, out, _ = run("hr", "verify", str(certificate), capsys=capsys)
    assert status == 1 and out.startswith("invalid: unknown key")


def test_a_certificate_whose_evidence_is_gone_no_longer_holds(
    certificate: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attempt = json.loads(certificate.read_text("utf-8"))["certificate"]["evidence"][0]["attempt"]
    with Store.open(None) as store:
        store.db.execute("DELETE FROM attempts WHERE id = ?", (attempt,))
    status, out, _ = run("hr", "verify", str(certificate), capsys=capsys)
    assert status == 1 and out.startswith("invalid: track not met")


def test_no_level_reached_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(None) as store:
        store.enrol("新人")
    status, _, err = run("hr", "certify", "新人", capsys=capsys)
    assert status == 1
    assert len(err.strip().splitlines()) == 1 and "has not reached any level" in err

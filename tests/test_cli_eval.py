"""``dyad eval`` scores a reading against a gold file, from dyad's JSON or from the article."""

from __future__ import annotations

import json
import subprocess
import sys

GOLD = {
    "events": [{"source": "KEN", "target": "ETH", "code": "040", "accept": ["04"], "date": "2024-03-04",
                "required": True, "symmetric": True},
               {"source": "KEN", "target": "SOM", "code": "111", "accept": ["11"], "date": None,
                "required": True, "symmetric": False}],
    "quotes": [{"starts": "We will work together", "speaker": "William Ruto", "required": True}],
    "actors": [{"name": "William Ruto", "code": "KENGOV"}],
    "dates": [{"text": "on Monday", "resolved": "2024-03-04"}],
    "places": [{"text": "Nairobi", "country": "KEN"}],
}
STORY = ("Ruto and Abiy meet in Nairobi\n\nBy Staff\n\nMarch 6, 2024\n\n"
         "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.\n\n"
         '"We will work together for peace in the Horn of Africa," Ruto said after the talks.\n')


def _eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyad", "eval", *args], capture_output=True, text=True,
                          timeout=300)


def test_cli_eval_codes_an_article_and_reports_misses(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD))
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    run = _eval(str(gold), str(story), "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)["parts"]
    assert report["events"]["found"] == 1 and report["events"]["total"] == 2
    assert any("KEN->SOM" in m for m in report["events"]["misses"])
    assert report["quotes"]["found"] == 1 and report["actors"]["found"] == 1
    assert report["dates"]["found"] == 1 and report["places"]["found"] == 1


def test_cli_eval_reads_dyad_json_and_rejects_non_gold(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    reading = tmp_path / "reading.json"
    coded = subprocess.run([sys.executable, "-m", "dyad", "code", str(story)], capture_output=True, text=True,
                           timeout=300)
    reading.write_text(coded.stdout)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD))
    run = _eval(str(gold), str(reading))
    assert run.returncode == 0 and "events   recall 1/2" in run.stdout and "MISSED" in run.stdout
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}')
    assert _eval(str(bad), str(reading)).returncode == 2

"""``rashomon eval ...``: each benchmark prints the metric its issue names."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Optional

import typer

eval_app = typer.Typer(help="Measure extraction quality on public benchmarks.", no_args_is_help=True)


def _run(module: str, *args, **kwargs) -> None:
    mod = importlib.import_module(f"rashomon.eval.{module}")
    metrics = mod.evaluate(*args, **kwargs)
    print(mod.render(metrics))


@eval_app.command("muc4")
def muc4(
    processed: Path = typer.Argument(..., exists=True, dir_okay=False, help="processed/dev.json-style JSONL."),
    originals: Optional[Path] = typer.Option(None, "--originals", exists=True, help="Directory with the original MUC files (datelines)."),
    predictions_out: Optional[Path] = typer.Option(None, "--predictions-out", help="Write predictions JSON here."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N documents."),
) -> None:
    """CEAF-REE per role and micro P/R/F1 on MUC-4 (GRIT's scoring)."""
    _run("muc4", str(processed), predictions_out=str(predictions_out) if predictions_out else None, limit=limit,
         originals=str(originals) if originals else None)


@eval_app.command("polnear")
def polnear(
    directory: Path = typer.Argument(..., exists=True, file_okay=False, help="Directory with text/ and attributions/."),
    predictions_out: Optional[Path] = typer.Option(None, "--predictions-out", help="Write predictions JSONL here."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N documents."),
) -> None:
    """Attribution source/cue/content exact and overlap P/R/F1 on PolNeAR."""
    _run("polnear", str(directory), predictions_out=str(predictions_out) if predictions_out else None, limit=limit)


@eval_app.command("tempeval3")
def tempeval3(
    directory: Path = typer.Argument(..., exists=True, file_okay=False, help="Directory of TimeML .tml files."),
    predictions_out: Optional[Path] = typer.Option(None, "--predictions-out", help="Write tagged .tml files to this directory."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N documents."),
    use_doc: bool = typer.Option(True, "--doc/--no-doc", help="Parse with spaCy for tense, as the pipeline does (default), or tag from the words alone."),
) -> None:
    """TIMEX3 strict/relaxed span P/R/F1, type F1 and value F1 (TempEval-3 task A)."""
    _run("tempeval3", str(directory), predictions_out=str(predictions_out) if predictions_out else None, limit=limit,
         use_doc=use_doc)


@eval_app.command("speakers")
def speakers(path: Optional[Path] = typer.Argument(None, help="Gold file (default: the shipped speaker gold set).")) -> None:
    """Accuracy of canonical speaker resolution on pronoun and role-noun sources."""
    _run("speakers", str(path) if path else None)


@eval_app.command("stance")
def stance(path: Optional[Path] = typer.Argument(None, help="Gold file (default: the shipped statement-type gold set).")) -> None:
    """Per-type precision/recall of statement classification."""
    _run("stance", str(path) if path else None)


@eval_app.command("crossdoc")
def crossdoc(
    path: Optional[Path] = typer.Argument(None, help="MUC-4 data root with corpora/ (default ../shared/data/muc4)."),
    system: bool = typer.Option(True, "--system/--baselines-only", help="Run rashomon's pipeline, not only the baselines."),
    predictions_out: Optional[Path] = typer.Option(None, "--predictions-out", help="Write every clustering as JSON here."),
) -> None:
    """B-cubed, pairwise and MUC P/R/F1 of cross-document event clustering on MUC-4 TST1/TST2,
    for rashomon and the baselines (all singletons, dateline rule, oracles)."""
    _run("crossdoc", str(path) if path else None, with_system=system,
         predictions_out=str(predictions_out) if predictions_out else None)


@eval_app.command("reports")
def reports(
    directory: Optional[Path] = typer.Argument(None, help="Directory of NAME.txt + NAME.json (default tests/data/reports)."),
    errors_out: Optional[Path] = typer.Option(None, "--errors-out", help="Write each document's errors as JSON here."),
) -> None:
    """Event, figure and statement accuracy on the project's own modern wire-style reports."""
    _run("reports", str(directory) if directory else None, predictions_out=str(errors_out) if errors_out else None)


@eval_app.command("pairs")
def pairs(path: Optional[Path] = typer.Argument(None, help="Labelled pairs JSONL (default tests/data/pairs.jsonl).")) -> None:
    """Per-class precision/recall of how two accounts relate (update, conflict, denial, ...)."""
    _run("pairs", str(path) if path else None)


@eval_app.command("muc4-incidents")
def muc4_incidents(
    corpora: Optional[Path] = typer.Argument(None, help="MUC-4 corpora directory (default ../shared/data/muc4/corpora)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N documents."),
    case: str = typer.Option("lower", "--case", help="lower (as the processed corpus) or original (upper case)."),
    predictions_out: Optional[Path] = typer.Option(None, "--predictions-out", help="Write the predicted incidents (JSON) here."),
) -> None:
    """Incident date, location and killed/wounded accuracy against the TST1/TST2 answer keys."""
    _run("muc4_incidents", str(corpora) if corpora else None, limit=limit, case=case,
         predictions_out=str(predictions_out) if predictions_out else None)

"""The command line: a thin wrapper over the library. Domain errors become one line and an exit code.

Exit codes: 0 done; 1 error (message on stderr); 2 usage error; 3 done, but some inputs
were rejected (each named on stderr with its reason).
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import ClaimledgerError
from .terminal import claims_table, control_table, describe_event, err, out, printable, styled

EXIT_REJECTED = 3


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Check an ISO 8601 date or date-time option (2024-05-12, 2024-05-12T08:00:00Z)."""
    if value is None:
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date (2024-05-12 or "
                                 "2024-05-12T08:00:00Z)") from None
    return value


def _dask_backend(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Check --dask: "local" (a LocalCluster: backend "dask") or a scheduler's address (tcp://host:8786)."""
    from .pipeline_workers import check_backend

    if value is None:
        return None
    try:
        return check_backend("dask" if value == "local" else value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is neither 'local' nor a scheduler address (tcp://host:8786)") from None


class ClaimledgerGroup(click.Group):
    """Translates domain errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimledgerError as exc:
            # One line whatever the message holds: a file name's newline is shown as an escape.
            err.print(styled(("error:", "red"), " " + printable(exc)), soft_wrap=True)
            sys.exit(1)
        except KeyboardInterrupt:
            err.print("interrupted: everything committed before this point is kept")
            sys.exit(130)


@click.group(cls=ClaimledgerGroup)
@click.version_option(package_name="claimledger")
def main() -> None:
    """claimledger: a ledger of attributed claims, places and events from war reporting.

    \b
    Example:
      claimledger ingest ledger.db examples/ && claimledger summary ledger.db
    """


def _count_inputs(paths: tuple[str, ...]) -> int | None:
    """Return how many files the paths name (for the progress bar), or None for stdin."""
    if "-" in paths:
        return None
    total = 0
    for path in map(Path, paths):
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts))
        else:
            total += 1
    return total


@main.command()
@click.argument("db")
@click.argument("paths", nargs=-1, required=True)
@click.option("--outlet", help="Outlet name to set on every article.")
@click.option("--published", callback=_iso_date,
              help="Publication date (ISO 8601) to set on every article.")
@click.option("--language", help="Language code (en, ru, uk, ...) to set on every article.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that analyse the articles (default: one per core). The ledger is the same "
                   "for any number.")
@click.option("--dask", "dask_cluster", callback=_dask_backend, metavar="local|tcp://HOST:PORT",
              help="Analyse on a dask LocalCluster of --workers processes, or on the cluster of the "
                   "scheduler at that address (needs dask[distributed]).")
def ingest(db: str, paths: tuple[str, ...], outlet: str | None, published: str | None, language: str | None,
           workers: int | None, dask_cluster: str | None) -> None:
    """Read reports from PATHS (files, directories, - for stdin) and store their claims in DB.

    \b
    Accepts .txt, .html/.htm, RSS/Atom feeds and .jsonl records. Re-running adds nothing
    twice; bad inputs are skipped with a reason (stored in DB) and exit code 3.
    Example:
      claimledger ingest ledger.db examples/ reports/*.html
    """
    from .pipeline_workers import default_workers, start_fork_server

    workers = workers or default_workers()
    start_fork_server(workers, dask_cluster or "processes")  # loads the models meanwhile
    from .build import ingest_paths
    from .store import open_ledger

    total = _count_inputs(paths)
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[status]}")]
    seen_files: set[str] = set()
    with open_ledger(db) as ledger, Progress(*columns, console=err, transient=True,
                                             disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=total, status="")

        def on_progress(report) -> None:
            if report.current_origin and report.current_origin not in seen_files:
                seen_files.add(report.current_origin)
                progress.update(task, completed=len(seen_files))
            progress.update(task, status=f"{report.ingested} new, {report.duplicates} duplicate, "
                                         f"{report.skipped} rejected")

        report = ingest_paths(ledger, paths, outlet=outlet, published=published, language=language,
                              workers=workers, backend=dask_cluster or "processes",
                              on_progress=on_progress)
    for rejection in report.rejected:
        err.print(printable(f"rejected {rejection}"), soft_wrap=True)
    for notice in report.notices:
        err.print(printable(f"warning {notice}"), soft_wrap=True)
    languages = ", ".join(f"{lang} {n}" for lang, n in report.languages.most_common()) or "none"
    out.print(f"ingested {report.ingested} new articles ({languages}); "
              f"{report.duplicates} duplicates; {report.skipped} rejected")
    if report.rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("db")
@click.option("--top", default=8, type=click.IntRange(min=1), show_default=True, help="How many of each to list.")
def summary(db: str, top: int) -> None:
    """Print what DB holds: counts, top speakers, places, event types and recent claims.

    \b
    Example:
      claimledger summary ledger.db
    """
    from .store import open_ledger
    from .store.urls import display_target

    with open_ledger(db, reading=True) as ledger:
        counts = ledger.counts()
        out.print(styled((display_target(db), "bold"), ": " + ", ".join(
            f"{counts.get(k, 0)} {k}" for k in ("articles", "attributions", "places", "events", "rejections"))))
        languages = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("language:")}
        if languages:
            out.print("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
        for title, layer, column in (("speakers", "attributions", "speaker"), ("places", "places", "name"),
                                     ("event types", "events", "type"), ("outlets", "articles", "outlet")):
            rows = ledger.top_values(layer, column, limit=top)
            if rows:
                out.print(styled((f"top {title}", "bold"), ": " + "; ".join(f"{v} ({n})" for v, n in rows)))
        out.print(claims_table(ledger.find_claims(limit=top)))


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@click.option("--outlet", help="Outlet name to set on every article.")
@click.option("--published", callback=_iso_date,
              help="Publication date (ISO 8601) to set on every article.")
@click.option("--language", help="Language code to set on every article.")
def analyze(files: tuple[str, ...], fmt: str, outlet: str | None, published: str | None, language: str | None) -> None:
    """Analyse FILES without a database and print their claims, places and events.

    \b
    A .jsonl of records (such as a gold file) is analysed record by record, ids kept.
    Example:
      claimledger analyze examples/kharkiv_buffer_zone.txt --format jsonl
    """
    from .ingest import read_articles
    from .models import Article, InputNotice, Rejection
    from .pipeline import analyse_articles
    from .record import document_to_record
    from .report import render_document

    rejected: list[Rejection] = []

    def articles():
        for item in read_articles(files, outlet=outlet, published=published, language=language):
            if isinstance(item, Article):
                yield item
            elif isinstance(item, InputNotice):
                err.print(printable(f"warning {item}"), soft_wrap=True)
            else:
                rejected.append(item)
                err.print(printable(f"rejected {item}"), soft_wrap=True)

    for doc in analyse_articles(articles()):
        if fmt == "jsonl":
            click.echo(json.dumps(document_to_record(doc), ensure_ascii=False))
        else:
            render_document(doc, out)
    if rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("db")
@click.option("--speaker", help="Speaker, role or source text contains this (case-insensitive).")
@click.option("--place", help="A place name, mention or ref (KATOTTG code, geonames:<id>).")
@click.option("--type", "event_type", help="Event type under the claim (territory_control, strike, ...).")
@click.option("--since", help="From this date (ISO date, month or year).")
@click.option("--until", help="Up to this date (ISO date, month or year).")
@click.option("--search", help="Full-text search in the claim text.")
@click.option("--limit", default=50, type=click.IntRange(min=0), show_default=True,
              help="At most this many claims (0 for all).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def claims(db: str, speaker, place, event_type, since, until, search, limit: int, fmt: str) -> None:
    """Query the ledger's claims, newest first.

    \b
    Example:
      claimledger claims ledger.db --place "Kharkiv Oblast" --type territory_control --since 2024-05
    """
    from .store import open_ledger

    with open_ledger(db, reading=True) as ledger:
        rows = ledger.find_claims(speaker=speaker, place=place, type=event_type, since=since, until=until,
                                  search=search, limit=limit or None)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif rows:
        out.print(claims_table(rows))
    else:
        out.print("no claims match")


@main.command()
@click.argument("db")
@click.argument("name")
@click.option("--limit", default=0, type=click.IntRange(min=0), show_default=True,
              help="At most this many claims (0 for all).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--control", is_flag=True, help="Show who holds the place instead, claim by claim (the latest "
              "--limit): status, denied/future marks, claimant and side, chain of sources.")
def places(db: str, name: str, limit: int, fmt: str, control: bool) -> None:
    """Show every claim about the place NAME, oldest first: who claims what happened there, and where.

    \b
    NAME is a settlement or an oblast in any spelling (Vovchansk, Volchansk, Вовчанськ, "Kharkiv
    Oblast") or a ref (KATOTTG code, geonames:<id>). An oblast also lists the claims about its
    settlements and about unnamed places in it ("three populated points in the Kharkiv region").
    A name that fits several places of the ledger lists them; ask again with one of their refs.
    Example:
      claimledger places ledger.db Vovchansk --control
    """
    from dataclasses import asdict

    from .extract.places.gazetteer import load_gazetteer
    from .store import open_ledger
    from .store.control import find_control_claims
    from .store.places import find_place_claims

    with open_ledger(db, reading=True) as ledger:
        found = find_place_claims(ledger, name, gazetteer=load_gazetteer(), within=not control,
                                  limit=limit or None)
        controls = (find_control_claims(ledger, found.place.key, limit=limit or None)
                    if control and found.place else None)
    if controls is not None and fmt == "jsonl":
        for claim in controls:
            click.echo(json.dumps(claim.to_dict(), ensure_ascii=False))
        return
    if fmt == "jsonl":
        click.echo(json.dumps(asdict(found), ensure_ascii=False))
        return
    if found.ambiguous:
        out.print(styled((name, "bold"), f" fits {len(found.candidates)} places of the ledger; ask with a ref:"))
        for c in found.candidates:
            out.print(f"  {c.key}  {c.name} ({c.level or 'place'}{', ' + c.area if c.area else ''}), "
                      f"{c.mentions} mention(s)")
        return
    if found.place is None:
        out.print(f"no place called {name!r} in the ledger")
        return
    p = found.place
    if controls is not None:
        out.print(styled((p.name, "bold"), f" ({p.key}): {len(controls)} control claim(s)"))
        if controls:
            out.print(control_table(controls))
        return
    where = f", {p.area}" if p.area else ""
    out.print(styled((p.name, "bold"), f" ({p.level or 'place'}{where}; {p.key}): {p.mentions} mention(s), "
                     f"{len(found.claims)} claim(s)"
                     + (f", with {len(found.included)} place(s) inside it" if found.included else "")))
    if not found.claims:
        return
    table = Table(show_lines=True)
    for column in ("date", "outlet", "who claims", "what", "place", "claim"):
        table.add_column(column, overflow="fold", max_width=60 if column == "claim" else 26)
    for c in found.claims:
        what = "; ".join(describe_event(e, trigger=True) for e in c.events) or (c.cue or "")
        place = f"{c.place} (unnamed places)" if c.unnamed else c.place
        table.add_row(c.date or "", c.outlet or "", c.speaker or "(outlet)", what, place, c.content)
    out.print(table)


@main.command()
@click.argument("db")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "parquet"]), default="jsonl",
              show_default=True)
@click.option("-o", "--output", type=click.Path(writable=True),
              help="File to write (default stdout); for parquet the folder of its tables (new or empty).")
@click.option("--partition-by", type=click.Choice(["month"]),
              help="parquet: claims, events and places as datasets partitioned by month (month=YYYY-MM).")
def export(db: str, fmt: str, output: str | None, partition_by: str | None) -> None:
    """Export the ledger: records (jsonl), one row per claim (csv), places with claims (geojson),
    or typed tables for research (parquet: claims, events, places, links, stories; docs/parquet.md).

    \b
    Example:
      claimledger export ledger.db --format geojson -o places.geojson
      claimledger export ledger.db --format parquet -o tables/ --partition-by month
    """
    from .store import open_ledger

    if fmt == "parquet":
        if not output:
            raise click.UsageError("--format parquet writes a folder of tables: give it with -o DIR")
        from .export_parquet import export_parquet

        with open_ledger(db, reading=True) as ledger:
            counts = export_parquet(ledger, output, partition_by=partition_by)
        err.print(f"exported {', '.join(f'{n} {name}' for name, n in counts.items())} "
                  f"to {printable(output)}" + (f" (partitioned by {partition_by})" if partition_by else ""),
                  soft_wrap=True)
        return
    if partition_by:
        raise click.UsageError("--partition-by applies to --format parquet only")
    if output and Path(output).is_dir():
        raise click.BadParameter(f"{printable(output)} is a folder", param_hint="'-o' / '--output'")
    from .export import write_claims_csv, write_places_geojson, write_records

    with open_ledger(db, reading=True) as ledger:
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt == "jsonl":
                n = write_records(ledger.iter_documents(), stream)
            elif fmt == "csv":
                n = write_claims_csv(ledger.iter_claims(), stream)
            else:
                n = write_places_geojson(ledger.iter_documents(), stream)
        finally:
            if output:
                stream.close()
    err.print(f"exported {n} {'records' if fmt == 'jsonl' else 'rows' if fmt == 'csv' else 'features'}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", "show_errors", type=click.IntRange(min=0), default=0,
              help="Also list up to N errors per layer.")
def eval_command(gold: str, as_json: bool, show_errors: int) -> None:
    """Run the pipeline on the texts of a GOLD file of records and score every annotated layer.

    \b
    A file of claim pairs {id, a, b, a_lang, b_lang, label} is scored as relations
    (repeat/agree/contradict/unrelated: per-class F1 and macro-F1).
    Example:
      claimledger eval tests/data/attribution_dev.jsonl --errors 20
    """
    from .evaluate import format_errors, format_report, score_records
    from .evaluate.predictions import is_pair_file, predict_records, read_gold

    if is_pair_file(gold):  # claim pairs {id, a, b, a_lang, b_lang, label}: score the relations
        from .evaluate import score_pairs
        from .evaluate.predictions import predict_pairs, read_pairs

        pairs = read_pairs(gold, labelled=True)
        pair_report = score_pairs(pairs, predict_pairs(pairs))
        click.echo(json.dumps(pair_report.to_dict(), ensure_ascii=False, indent=1) if as_json
                   else format_report(pair_report))
        return
    records = read_gold(gold)
    predicted = predict_records(records)
    report = score_records(records, predicted)
    if as_json:
        click.echo(json.dumps(report.to_dict(errors=bool(show_errors)), ensure_ascii=False, indent=1))
        return
    click.echo(printable(format_report(report), keep_lines=True))
    if show_errors:  # the errors quote the gold file's ids and texts
        click.echo(printable(format_errors(report, limit=show_errors), keep_lines=True))


@main.command()
@click.argument("db")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback needs --token.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="CLAIMLEDGER_TOKEN",
              help="Require this token (Bearer header, or ?token= once in the browser). "
                   "Also read from CLAIMLEDGER_TOKEN.")
@click.option("--tiles", envvar="CLAIMLEDGER_TILES", metavar="URL",
              help="Draw an online tile layer under the maps, e.g. "
                   "https://tile.openstreetmap.org/{z}/{x}/{y}.png (off by default: pages work offline). "
                   "Also read from CLAIMLEDGER_TILES.")
@click.option("--tiles-attribution", default="© OpenStreetMap contributors", show_default=True,
              help="The credit the tile server requires, shown under each map.")
def serve(db: str, host: str, port: int, token: str | None, tiles: str | None, tiles_attribution: str) -> None:
    """Serve DB read-only: web pages (claims, places on a map, articles, search) and a JSON API.

    \b
    Pages at http://HOST:PORT/, the API under /api/ (documented at /docs).
    Example:
      claimledger serve demo/claimledger.db --port 8080
      claimledger serve demo/claimledger.db --tiles 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
    """
    from .serve import serve_ledger
    from .serve.basemap import TileLayer
    from .store.urls import display_target

    layer = TileLayer(tiles, tiles_attribution) if tiles else None

    err.print(f"serving {display_target(db)} read-only on http://{host}:{port}/ (Ctrl+C stops)")
    serve_ledger(db, host=host, port=port, token=token, tiles=layer)


# The linking stage's commands live in cli_link.py; they join the group here.
from .cli_link import compare, link, relate, stories  # noqa: E402  (needs nothing of this module)

main.add_command(link)
main.add_command(relate)
main.add_command(stories)
main.add_command(compare)

if __name__ == "__main__":
    main()

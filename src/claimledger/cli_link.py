"""The linking stage's commands of the command line: ``link`` (link new claims, rebuild the stories),
``relate`` (label claim pairs), ``stories`` (list them) and ``compare`` (one story side by side). Thin
wrappers over the link package and the store; registered on the group in cli.py."""
from __future__ import annotations

import json
import sys

import click
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .terminal import err, out, styled


@click.command()
@click.argument("db")
@click.option("--outlets", "outlet_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra outlet registry (TSV, as data/outlets.tsv); also CLAIMLEDGER_OUTLETS.")
@click.option("--rebuild", is_flag=True, help="Drop the stored links and link every article again.")
def link(db: str, outlet_files: tuple[str, ...], rebuild: bool) -> None:
    """Link the claims of DB's new articles to the stored ones (repeat/agree/contradict); rebuild stories.

    \b
    Claims are compared only within blocks (event type + place, source + week, copied text),
    so time grows about linearly with the ledger. With nothing new it says so and leaves
    the stories as they are.
    Example:
      claimledger ingest ledger.db reports/ && claimledger link ledger.db
    """
    from .link import link_ledger
    from .store import open_ledger

    columns = [SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn()]
    with open_ledger(db, create=False) as ledger, Progress(*columns, console=err, transient=True,
                                                           disable=not err.is_terminal) as progress:
        task = progress.add_task("linking: claim texts embedded", total=None)
        report = link_ledger(ledger, outlets=list(outlet_files), rebuild=rebuild,
                             on_embedded=lambda n: progress.advance(task, n))
    if report.nothing_new:
        out.print(f"nothing new to link: all {report.articles} articles were linked before; "
                  f"stories left as they are; {report.seconds:.1f} s")
        return
    labels = ", ".join(f"{n} {label}" for label, n in sorted(report.by_label.items())) or "none"
    rederived = (f"; link claims of {report.rederived} linked articles derived again (another outlet "
                 "registry or version)" if report.rederived else "")
    unchanged = report.stories - report.stories_new - report.stories_changed
    stories = (f"stories rebuilt: {report.stories} ({report.stories_new} new, {report.stories_changed} "
               f"changed, {unchanged} unchanged, {report.stories_gone} gone)" if report.stories_rebuilt
               else "no claim linked: stories left as they are")
    out.print(f"linked {report.new_articles} new of {report.articles} articles "
              f"({report.new_claims} new of {report.claims} claims): {report.links} new links ({labels})"
              f"{rederived}; {stories}; {report.seconds:.1f} s")


@click.command()
@click.argument("pairs", type=click.Path(exists=True, allow_dash=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout).")
def relate(pairs: str, output: str | None) -> None:
    """Label claim PAIRS (JSONL {id, a, b, a_lang, b_lang}) repeat, agree, contradict or unrelated.

    \b
    Writes each pair with its predicted label and the reason; a gold label is replaced.
    Example:
      claimledger relate pairs.jsonl -o related.jsonl && claimledger eval pairs.jsonl
    """
    from .evaluate.predictions import predict_pairs, read_pairs

    related = predict_pairs(read_pairs(pairs))
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for pair in related:
            stream.write(json.dumps(pair, ensure_ascii=False) + "\n")
    finally:
        if output:
            stream.close()
    counts = {label: sum(p["label"] == label for p in related) for label in ("repeat", "agree", "contradict", "unrelated")}
    err.print(f"related {len(related)} pairs: " + ", ".join(f"{n} {label}" for label, n in counts.items()))


@click.command()
@click.argument("db")
@click.option("--place", help="A place name in the story (case-insensitive, exact name).")
@click.option("--since", help="Stories still running on or after this date (ISO date, month or year).")
@click.option("--until", help="Stories begun on or before this date.")
@click.option("--contested", is_flag=True,
              help="Only contested stories: a contradiction between their claims.")
@click.option("--sort", "order", type=click.Choice(["claims", "newest", "contested"]), default="claims",
              show_default=True, help="claims: most claims first; newest: latest date first; "
                                      "contested: most contradictions first.")
@click.option("--limit", default=30, type=click.IntRange(min=0), show_default=True,
              help="At most this many stories (0 for all).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def stories(db: str, place: str | None, since: str | None, until: str | None, contested: bool,
            order: str, limit: int, fmt: str) -> None:
    """List the stories of DB (the claims reporting one event: type, place, dates), largest first
    (--sort newest or contested for the latest or the most contradicted first).

    \b
    Per side: claims and independent sources (re-reports of one source count once); a story
    with a contradiction between its claims is contested. Run `claimledger link DB` first. Example:
      claimledger stories ledger.db --place Vovchansk --since 2024-05
      claimledger stories ledger.db --contested --limit 10
      claimledger stories ledger.db --sort newest
    """
    from .store import open_ledger
    from .store.urls import display_target
    from .store.stories import sort_stories

    with open_ledger(db, reading=True) as ledger:
        found = ledger.find_stories(place=place, since=since, until=until,
                                    contested=True if contested else None,
                                    limit=None if order != "claims" else limit or None)
        found = sort_stories(found, order)[:limit or None]
        linked = bool(found or ledger.find_stories(limit=1) or ledger.linked_article_ids())
    if fmt == "jsonl":
        for story in found:
            click.echo(json.dumps(story, ensure_ascii=False))
        return
    if not found:
        what = "no contested stories match" if contested else "no stories match"
        out.print(what if linked else f"no stories yet: run `claimledger link {display_target(db)}` first")
        return
    table = Table(title="contested stories" if contested else "stories", show_lines=True)
    for name in ("story", "title", "claims", "contested", "sides: claims / independent sources",
                 "relations", "first"):
        table.add_column(name, overflow="fold", max_width=44)
    for story in found:
        sides = "; ".join(f"{name} {side['claims']}/{side['independent_sources']}"
                          for name, side in story["sides"].items())
        relations = ", ".join(f"{n} {label}" for label, n in sorted(story["relations"].items()))
        first = story["first"]
        count = story.get("contradictions", story["relations"].get("contradict", 0))
        mark = styled((f"yes ({count} contradiction{'s' * (count != 1)})", "red")) if count else ""
        table.add_row(story["id"], story["title"], str(len(story["claims"])), mark, sides, relations,
                      f"{first.get('published') or '?'} {first.get('speaker') or first.get('outlet') or ''}")
    out.print(table)


@click.command()
@click.argument("db")
@click.argument("story")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def compare(db: str, story: str, fmt: str) -> None:
    """Show STORY side by side: per side what is claimed, by whom, through which outlets.

    \b
    Contradictions are numbered and marked on the claims they join (#1, #2, ...).
    Example:
      claimledger compare ledger.db s0c168402d4
    """
    from .link import compare_story
    from .store import open_ledger

    with open_ledger(db, reading=True) as ledger:
        view = compare_story(ledger.get_story(story))
    if fmt == "json":
        click.echo(json.dumps(view, ensure_ascii=False, indent=1))
        return
    out.print(styled((view["title"], "bold"), f" ({view['id']})", (" contested" if view["contested"] else "", "red"),
                     "; relations: " + (", ".join(f"{n} {label}" for label, n in
                                                   sorted(view["relations"].items())) or "none")))
    first = view["first"]
    out.print(f"first: {first.get('published') or '?'}, {first.get('speaker') or '(outlet)'} "
              f"via {first.get('outlet') or '?'}")
    camps = list(view["columns"])
    table = Table(show_lines=True)
    for camp in camps:
        table.add_column(camp.upper(), overflow="fold", ratio=1)
    table.add_row(*[_describe_column(view["columns"][camp]) for camp in camps])
    depth = max(len(view["columns"][camp]["claims"]) for camp in camps)
    for row in range(depth):
        table.add_row(*[_describe_story_claim(view["columns"][camp]["claims"][row])
                        if row < len(view["columns"][camp]["claims"]) else "" for camp in camps])
    out.print(table)
    for item in view["contradictions"]:
        out.print(styled((f"#{item['number']}", "red"), f" {item['reason']} ",
                         (f"(via {item['a'].get('outlet') or '?'} / {item['b'].get('outlet') or '?'})", "dim")),
                  soft_wrap=True)


def _describe_column(column: dict) -> str:
    claims, sources = len(column["claims"]), column["independent_sources"]
    lines = [f"{claims} claim{'s' * (claims != 1)}, {sources} independent source{'s' * (sources != 1)}",
             "sides: " + ", ".join(column["sides"]), "outlets: " + ", ".join(column["outlets"])]
    if column["framing"]:
        lines.append("framing: " + ", ".join(column["framing"]))
    return "\n".join(lines)


def _describe_story_claim(claim: dict) -> str:
    chain = " > ".join(claim.get("chain") or []) or claim.get("speaker") or "(outlet)"
    marks = " ".join(f"#{n}" for n in claim.get("contradicts") or [])
    head = f"{claim.get('date') or claim.get('published') or '?'} {chain} via {claim.get('outlet') or '?'}"
    return styled(head, (f" {marks}" if marks else "", "red"), f"\n{claim.get('text') or ''}".rstrip())

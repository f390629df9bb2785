"""`prep resume FILE`: read a résumé, show what it claims, write the personal pack; `--forget` removes both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview_prep.errors import ExitCode, PrepError
from interview_prep.views import console


def report(parsed: Any, questions: Any, catalogue: Any) -> dict[str, Any]:
    """What `prep resume` found and made, as `--json` prints it and the table shows it."""
    by_id = {t.id: t for t in catalogue}
    dives = {q.entry.title: q.id for q in questions if q.entry is not None}
    made: dict[str, list[str]] = {}
    for q in questions:
        if q.technique is not None:
            made.setdefault(q.technique.id, []).append(q.id)
    entries = [
        {
            "section": e.section,
            "title": e.title,
            "techniques": list(e.techniques),
            "numbers": [n.text for n in e.numbers],
            "question": dives.get(e.title),
        }
        for e in parsed.entries
    ]
    techniques = [
        {"id": t, "name": by_id[t].name, "drill": by_id[t].drill, "questions": made.get(t, [])}
        for t in parsed.techniques
    ]
    listed = [
        {"id": q.id, "number": q.data["number"], "title": q.data["title"], "category": q.data["category"]}
        for q in questions
    ]
    return {"sections": list(parsed.sections), "entries": entries, "techniques": techniques, "questions": listed}


def resume(file: Path | None, *, bank_dirs: list[Path] | None, as_json: bool, dry_run: bool, forget: bool) -> ExitCode:
    from interview_prep.resume import pack

    if forget:
        if file is not None:
            raise PrepError("--forget takes no file: it removes the résumé and the pack prep resume wrote.")
        folder = pack.resume_dir()
        if dry_run:
            console.out.print(f"Would remove {folder}." if folder.exists() else "No résumé to forget.")
        elif pack.forget():
            console.out.print(f"Removed your résumé and its pack ({folder}).", highlight=False)
        else:
            console.out.print("No résumé to forget.")
        return ExitCode.OK
    if file is None:
        raise PrepError("give a résumé file (PDF, DOCX, Markdown or text), or --forget to remove the one read.")

    from interview_prep.bank import load_bank
    from interview_prep.resume.catalogue import load_catalogue
    from interview_prep.resume.parse import parse_resume
    from interview_prep.resume.reading import ResumeError, read_resume

    text = read_resume(file)
    catalogue = load_catalogue()
    parsed = parse_resume(text, catalogue)
    if not parsed.entries and not parsed.techniques:
        raise ResumeError(
            f"{file}: found no projects, experience or techniques to ask about "
            "(headings such as 'Projects', 'Experience' and 'Skills' mark them)."
        )
    taken = {q.number for q in load_bank(bank_dirs, resume_pack=False).questions}
    questions = pack.build_pack(parsed, catalogue, taken)
    pack.validate(questions)
    found = report(parsed, questions, catalogue)
    written = None if dry_run else pack.write_pack(parsed, questions)
    if as_json:
        console.print_json(found | {"written": None if written is None else str(written)})
        return ExitCode.OK
    from interview_prep.views.resume import resume_table

    console.out.print(resume_table(found))
    count = len(questions)
    if written is None:
        console.out.print(f"Dry run: {count} questions would be made; nothing was written.", highlight=False)
    else:
        dives = [q["question"] for q in found["entries"] if q["question"]]
        first = dives[0] if dives else questions[0].id
        console.out.print(
            f"{count} questions written to {written}. Practise one with `prep practice -q {first}`, "
            "or run `prep mock`; `prep resume --forget` removes them.",
            highlight=False,
            soft_wrap=True,
        )
    return ExitCode.OK

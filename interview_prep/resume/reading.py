"""A résumé file into plain text: PDF (pypdf), DOCX (python-docx), Markdown or plain text.

The readers are imported only here, so that `prep list` never pays for them. Every way a file
cannot be read is a ResumeError: one line for the user, exit 2.
"""

from __future__ import annotations

from pathlib import Path

from interview_prep.errors import PrepError

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text", "")


class ResumeError(PrepError):
    """The résumé cannot be read: missing, empty, scanned (no text), or not a format prep reads."""


def read_resume(path: Path) -> str:
    """The text of a résumé, one line per line of the document; a ResumeError when there is none."""
    if path.is_dir():
        raise ResumeError(f"{path}: is a folder; give the résumé file itself (PDF, DOCX, Markdown or text).")
    if not path.is_file():
        raise ResumeError(f"{path}: no such file.")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _read_pdf(path)
    elif suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".doc":
        raise ResumeError(f"{path}: a .doc file (Word 97) cannot be read; save it as .docx or PDF.")
    else:
        text = _read_text(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        if suffix == ".pdf":
            raise ResumeError(f"{path}: the PDF has no text to read (a scanned image?); export it with text.")
        raise ResumeError(f"{path}: the file is empty.")
    return text


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ResumeError(f"{path}: cannot be read ({exc.strerror}).") from None
    if b"\x00" in data[:4096]:
        raise ResumeError(f"{path}: not a résumé prep can read (PDF, DOCX, Markdown or plain text).")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ResumeError(f"{path}: not text prep can decode (save it as UTF-8).")


def _read_pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd PDFs are not the user's concern
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several kinds here
                raise ResumeError(f"{path}: the PDF is password-protected.") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except ResumeError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as exc:
        raise ResumeError(f"{path}: not a PDF prep can read ({type(exc).__name__}).") from None
    return "\n".join(pages)


def _read_docx(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ResumeError(f"{path}: not a DOCX prep can read.") from None
    lines: list[str] = []
    body = document.element.body
    # Paragraphs and tables in document order: a two-column résumé is often a table of two cells.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(Paragraph(child, document)))
        elif tag == "tbl":
            table = Table(child, document)
            seen: set[int] = set()
            for column in range(len(table.columns)):
                for row in table.rows:
                    cell = row.cells[column]
                    if id(cell._tc) in seen:  # a merged cell spans columns: read it once
                        continue
                    seen.add(id(cell._tc))
                    lines += [_paragraph_text(p) for p in cell.paragraphs]
    return "\n".join(lines)


def _paragraph_text(paragraph: object) -> str:
    """A paragraph's text, with a list paragraph marked as a bullet and a heading style as a Markdown heading."""
    text: str = getattr(paragraph, "text", "")
    style = getattr(getattr(paragraph, "style", None), "name", "") or ""
    if style.startswith("List") and text.strip():
        return f"- {text}"
    if style.startswith("Heading") and text.strip():
        level = style.removeprefix("Heading").strip()
        return "#" * (int(level) if level.isdigit() else 2) + " " + text
    return text

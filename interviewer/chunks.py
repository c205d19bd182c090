"""Knowledge files as chunks: one per Markdown heading, tables kept whole, with stable ids and hashes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import RetrievalError
from .knowledge import knowledge_dir, parse_sections

MAX_CHARS = 2_000


@dataclass(frozen=True)
class Chunk:
    """One indexable piece of a knowledge file."""

    id: str
    source: str
    heading: str
    text: str
    hash: str

    @property
    def document(self) -> str:
        """What is embedded and searched: the heading path, then the text with tables as sentences."""
        return f"{self.heading}\n\n{linearise_tables(self.text)}"


def _split_long(text: str) -> list[str]:
    """Split an over-long section at blank lines, never inside a table."""
    if len(text) <= MAX_CHARS:
        return [text]
    parts, current = [], ""
    for block in text.split("\n\n"):
        in_table = block.lstrip().startswith("|")
        if current and len(current) + len(block) > MAX_CHARS and not in_table:
            parts.append(current.strip())
            current = ""
        current += block + "\n\n"
    if current.strip():
        parts.append(current.strip())
    return parts


def chunk_file(path: Path, source: str) -> list[Chunk]:
    """Chunks of one Markdown file, keyed by source, heading path and position."""
    try:
        markdown = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise RetrievalError(f"Cannot read {path}: {exc.strerror}", hint="Check the path you added.") from exc
    chunks = []
    seen: dict[str, int] = {}
    for section in parse_sections(markdown, source, preamble=True):
        repeat = seen.get(section.path, 0)  # two sections with the same heading path get distinct ids
        seen[section.path] = repeat + 1
        for n, text in enumerate(_split_long(section.text)):
            key = f"{source}\x1f{section.path}\x1f{n}" + (f"\x1f{repeat}" if repeat else "")
            chunks.append(
                Chunk(
                    id=hashlib.sha1(key.encode()).hexdigest()[:20],
                    source=source,
                    heading=section.path,
                    text=text,
                    hash=hashlib.sha256(text.encode()).hexdigest()[:32],
                )
            )
    return chunks


def _visible(path: Path, root: Path) -> bool:
    """Real files only: no hidden files or folders (editor locks, .git), no broken links."""
    return path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)


def collect(extra_dirs: list[Path]) -> list[Chunk]:
    """Chunks of the packaged knowledge base plus every Markdown file under the user's folders."""
    files: list[tuple[Path, str]] = [(p, p.name) for p in sorted(knowledge_dir().glob("*.md"))]
    for folder in extra_dirs:
        folder = folder.expanduser().resolve()
        if not folder.exists():
            raise RetrievalError(
                f"Knowledge folder {folder} does not exist.",
                hint=f"Run `interviewer index --forget {folder}`, or fix INTERVIEWER_KNOWLEDGE_DIRS.",
            )
        found = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*.md") if _visible(p, folder))
        files += [(p, str(p)) for p in found]
    return [c for path, source in files for c in chunk_file(path, source)]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def linearise_tables(text: str) -> str:
    """Markdown table rows as 'Header: cell; Header: cell.' sentences, which embed and match far better."""
    out: list[str] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.lstrip().startswith("|"):
            header = None
            out.append(line)
            continue
        cells = _cells(line)
        if header is None:
            header = cells
        elif not all(set(c) <= set("-: ") for c in cells):
            out.append("; ".join(f"{h}: {c}" for h, c in zip(header, cells, strict=False) if c and c != "—") + ".")
    return "\n".join(out)

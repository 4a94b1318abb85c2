"""Benchmark: extraction speed against bare jieba segmentation of the same text.

Run as ``python tests/benchmarks/bench_extract.py [--articles N]`` (not collected by
pytest). Prints figures; the last line is a JSON object with ``chars_per_s``,
``jieba_chars_per_s``, ``ratio_to_jieba`` (pipeline time / bare ``jieba.lcut`` time on the
same text; budget ≤ 3), ``import_s`` and ``first_extract_s`` (a fresh process: first
article, dictionary load included), for the seeds, a quarter of the shared real corpus
(``../shared/corpus``, every fourth file; the headline figures when it is there) and a
synthetic corpus assembled from the seeds' paragraphs. The synthetic corpus repeats the same
paragraphs, which the segmenter's memory of blocks (:func:`desktop.core.text.segmenter.words`)
finds again: its ratio flatters the pipeline, the real corpus's does not.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REAL_CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def fresh_process_seconds(code: str) -> float:
    script = f"import time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(output.stdout.strip().splitlines()[-1])


def synthetic_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` articles: a seed's header (for its date) + paragraphs drawn from all seeds."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    paragraphs = [p for t in texts for p in t.split("\n") if len(p.strip()) > 30]
    for number in range(count):
        base = texts[number % len(texts)]
        head = "\n".join(base.split("\n")[:8])
        body = "\n".join(rng.sample(paragraphs, rng.randint(8, 16)))
        (folder / f"synthetic_{number:05d}.txt").write_text(
            f"{head}\n第{number}篇合成文章。\n{body}\n", encoding="utf-8"
        )


def measure(paths: list[Path]) -> dict[str, float]:
    from desktop.core.events.corpus import extract
    from desktop.core.text import segmenter

    segmenter.tokenizer()  # both sides start with the dictionary loaded
    extract([sorted(SEEDS.iterdir())[0]])  # and with every lazy table (tags, gazetteer) loaded
    t, cpu = time.perf_counter(), time.process_time()
    corpus = extract(paths)
    pipeline, pipeline_cpu = time.perf_counter() - t, time.process_time() - cpu
    texts = [doc.text for doc in corpus.documents]
    chars = sum(len(text) for text in texts)
    t, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        segmenter.tokenizer().lcut(text)
    bare, bare_cpu = time.perf_counter() - t, time.process_time() - cpu
    return {
        "articles": len(corpus.articles),
        "events": len(corpus.events),
        "chars": chars,
        "pipeline_s": round(pipeline, 3),
        "jieba_s": round(bare, 3),
        "chars_per_s": round(chars / pipeline),
        "jieba_chars_per_s": round(chars / bare),
        "ratio_to_jieba": round(pipeline / bare, 3),
        # CPU time is what this process got: a host whose other guests take the cores (the
        # wall-clock ratio moved from 3.2 to 4.9 between runs of the same code) moves it less
        "ratio_to_jieba_cpu": round(pipeline_cpu / bare_cpu, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=REAL_CORPUS, help="a real corpus (every fourth file is read)")
    args = parser.parse_args()
    import_s = fresh_process_seconds("import desktop, desktop.core.events.corpus")
    first = sorted(SEEDS.iterdir())[0]
    first_extract_s = fresh_process_seconds(
        f"from desktop.core.events.corpus import extract\nextract([{str(first)!r}])"
    )
    seeds = measure([SEEDS])
    print("seeds:", seeds)
    with tempfile.TemporaryDirectory() as folder:
        synthetic_corpus(Path(folder), args.articles)
        synthetic = measure([Path(folder)])
    print("synthetic:", synthetic)
    real = None
    if args.corpus.is_dir():
        from desktop.core.events.corpus import plan

        real = measure(plan([args.corpus]).files[::4])
        print("real:", real)
    headline = real or synthetic
    result = {
        "measured_on": "real" if real else "synthetic",
        "chars_per_s": headline["chars_per_s"],
        "jieba_chars_per_s": headline["jieba_chars_per_s"],
        "ratio_to_jieba": headline["ratio_to_jieba"],
        "ratio_to_jieba_cpu": headline["ratio_to_jieba_cpu"],
        "import_s": round(import_s, 3),
        "first_extract_s": round(first_extract_s, 3),
        "seeds": seeds,
        "synthetic": synthetic,
        "real": real,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

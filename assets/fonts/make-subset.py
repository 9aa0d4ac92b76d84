#!/usr/bin/env python3
"""Rebuild NotoSansSC-Regular-subset.otf: every Han character the face has (so traditional and
rare characters in analysts' files render too), GB2312, every character the app shows, and the
punctuation and symbols around them. Needs fonttools and Debian's fonts-noto-cjk."""
import glob
import os
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
files = [os.path.join(ROOT, "plan.ron"), os.path.join(ROOT, "assets", "curation.ron")]
files += glob.glob(os.path.join(ROOT, "src", "**", "*.rs"), recursive=True)
files += glob.glob(os.path.join(ROOT, "assets", "data", "*.ron"))
files += glob.glob(os.path.join(ROOT, "scenarios", "*.ron"))
files += [f for f in glob.glob(os.path.join(ROOT, "..", "shared", "data", "*")) if os.path.isfile(f)]
for f in files:
    with open(f, encoding="utf-8", errors="ignore") as fh:
        chars |= set(fh.read())
for lo, hi in [(0x20, 0x7F), (0x3000, 0x3040), (0xFF00, 0xFFF0), (0x2010, 0x2070), (0x2190, 0x2200), (0x2460, 0x24A0), (0x25A0, 0x2600), (0x2600, 0x2700), (0x2700, 0x27C0)]:
    chars |= {chr(c) for c in range(lo, hi)}
chars |= set("°±×÷≈≤≥≠∞·")
# Every Han character the SC face has: the unified block, extension A, the compatibility
# ideographs and the extension B characters it covers.
from fontTools.ttLib import TTFont  # noqa: E402
face = TTFont(SOURCE, fontNumber=2)
HAN = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)]
chars |= {chr(c) for c in face.getBestCmap() if any(lo <= c <= hi for lo, hi in HAN)}
chars = {c for c in chars if ord(c) >= 0x20}
text_file = "/tmp/plan-explorer-font-chars.txt"
with open(text_file, "w", encoding="utf-8") as fh:
    fh.write("".join(sorted(chars)))
subprocess.run(
    ["pyftsubset", SOURCE, "--font-number=2", f"--text-file={text_file}",
     f"--output-file={os.path.join(os.path.dirname(__file__), 'NotoSansSC-Regular-subset.otf')}",
     "--layout-features=*", "--name-IDs=*", "--name-legacy", "--notdef-outline"],
    check=True,
)
print(f"{len(chars)} characters")

"""Name shapes: is a speaker found in each basic frame, whatever the shape of the name?

    python benchmarks/name_shapes.py

Each name (particles, hyphens, apostrophes, months, honorifics, titles, names from
many languages) goes through three one-sentence articles: '"…," NAME said',
'NAME said, "…"' and '"…," said NAME'. A name passes when all three give a speaker
that contains its last word. Prints the names that fail and the count.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from quotebot.articles import article_from_text
from quotebot.extract import extract_quotes
names = ["Kim Jong Un", "Ban Ki-moon", "Xi Jinping", "Moon Jae-in", "Shinzo Abe", "Recep Tayyip Erdogan", "Angela Merkel",
 "Emmanuel Macron", "Boris Johnson", "Nancy Pelosi", "Mitch McConnell", "Alexandria Ocasio-Cortez", "Beto O'Rourke",
 "Beto O’Rourke", "Hope Hicks", "Sarah Huckabee Sanders", "Kellyanne Conway", "Rudy Giuliani", "Christine Blasey Ford",
 "Ilhan Omar", "Said Jalili", "Will Hurd", "Mark Warner", "Rand Paul", "Grace Meng", "Joy Reid", "Faith Hill", "Summer Lee",
 "Nikki Haley", "Tulsi Gabbard", "Mohammed bin Salman", "Bashar al-Assad", "Hassan Rouhani", "Benjamin Netanyahu",
 "Narendra Modi", "Jair Bolsonaro", "Andrés Manuel López Obrador", "Vladimir Putin", "Volodymyr Zelensky", "Olaf Scholz",
 "Jacinda Ardern", "Cyril Ramaphosa", "Rishi Sunak", "Keir Starmer", "Ursula von der Leyen", "Charles de Gaulle",
 "Martin Luther King Jr.", "Robert F. Kennedy Jr.", "Liz Truss", "Nicola Sturgeon", "Jean-Claude Juncker", "Li Keqiang",
 "Wang Yi", "Kim Yo Jong", "Ma Ying-jeou", "Tsai Ing-wen", "Abiy Ahmed", "Paul Kagame", "Jim Jordan", "Jerry Brown", "Joe Manchin",
 "Chuck Grassley", "Pope Francis", "Prince Harry", "Queen Elizabeth", "King Charles", "Dr. Anthony Fauci", "Gen. Mark Milley"]
tmpl = ['“We are ready,” {n} said.', '{n} said, “We are ready.”', '“We are ready,” said {n}.']
bad = 0
for n in names:
    res = []
    for t in tmpl:
        a = article_from_text("p", "Headline here.\n\n" + t.format(n=n) + "\n")
        qs = extract_quotes(a)
        res.append(qs[0].speaker if qs else None)
    last = n.replace("Jr.", "").split()[-1]
    ok = all(r and (last in r or r in n) for r in res)
    if not ok:
        bad += 1
        print(f"{n:32} {res}")
print(f"{len(names) - bad} of {len(names)} names attributed in all three frames")

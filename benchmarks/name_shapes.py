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
 "Chuck Grassley", "Pope Francis", "Prince Harry", "Queen Elizabeth", "King Charles", "Dr. Anthony Fauci", "Gen. Mark Milley",
 "Sen. Ted Cruz (R-Texas)", "Gov. Andrew M. Cuomo", "former President Barack Obama", "Secretary of State Mike Pompeo",
 "House Speaker Nancy Pelosi", "U.N. Secretary-General António Guterres", "Lt. Gen. H.R. McMaster", "Mahmoud Abbas",
 "Ayatollah Ali Khamenei", "Abdel Fattah el-Sisi", "Muqtada al-Sadr", "Juan Guaidó", "Nicolás Maduro",
 "Luiz Inácio Lula da Silva", "Imran Khan", "Jeremy Corbyn", "Michel Barnier", "Sergei Lavrov", "Recep Tayyip Erdoğan",
 "Aung San Suu Kyi", "Rodrigo Duterte", "Joko Widodo", "Hun Sen", "Prayuth Chan-ocha", "Carrie Lam", "Justin Trudeau",
 "Pedro Sánchez", "Viktor Orbán", "Sauli Niinistö", "Frank-Walter Steinmeier", "Micheál Martin", "J.D. Vance",
 "Mary-Kate Olsen", "Conan O'Brien", "Dwayne Johnson", "Sen. Mitch McConnell (R-Ky.)",
 "Ruth Bader Ginsburg", "Chief Justice John Roberts", "Attorney General Merrick Garland", "Mayor Eric Adams",
 "Prime Minister Narendra Modi", "Chancellor Olaf Scholz", "President Xi", "Mr. Xi", "Ms. Ardern", "Dr. Ben Carson",
 "Sergeant Major Ann Lee", "Justice Sonia Sotomayor", "Judge Aileen Cannon", "Cardinal Timothy Dolan", "Rabbi Sharon Brous",
 "Sheikh Tamim bin Hamad Al Thani", "Crown Prince Mohammed bin Salman", "Mohamed ElBaradei", "Kofi Annan",
 "Ellen Johnson Sirleaf", "Ngozi Okonjo-Iweala", "Uhuru Kenyatta", "Yoweri Museveni", "Bola Tinubu"]
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

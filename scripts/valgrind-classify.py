#!/usr/bin/env python3
"""Groups the lost blocks of a valgrind --leak-check=full log by where they were allocated.

Usage: scripts/valgrind-classify.py LOG
"""
import re, sys
from collections import Counter
log=open(sys.argv[1]).read()
blocks=re.split(r'\n==\d+== \n', log)
c=Counter(); n=Counter()
for b in blocks:
    lines=[re.sub(r'^==\d+== ','',l) for l in b.splitlines()]
    if not lines or not re.search(r'(definitely|possibly) lost', lines[0]): continue
    kind = 'definitely' if 'definitely' in lines[0] else 'possibly'
    txt='\n'.join(lines)
    m=re.match(r'([\d,]+)',lines[0].strip()); size=int(m.group(1).replace(',',''))
    if 'gvconfig' in txt: cat = 'libgvc gvconfig: config file buffer, once per gvContext'
    elif 'gvPluginList' in txt: cat = 'gvPluginList: duplicate names strdup-ed and dropped'
    elif re.search('fontconfig|pango|cairo|glib', txt): cat = 'fontconfig/pango/cairo/glib internals'
    elif 'dot_layout' in txt: cat = 'dot layout internals (cluster virtual edges, mincross subgraphs) gvFreeLayout misses'
    elif re.search(r'agmemread|gvRenderData|gvLayout|agopen|agnode|agedge|libcgraph|libgvc', txt): cat = 'OTHER GRAPHVIZ: check'
    elif 'libswiftCore' in txt: cat = 'Swift runtime metadata caches'
    else: cat = 'other'
    c[(kind,cat)]+=size; n[(kind,cat)]+=1
for (k,cat),v in sorted(c.items()): print(f'{k:10} {v:8} bytes {n[(k,cat)]:4} records  {cat}')

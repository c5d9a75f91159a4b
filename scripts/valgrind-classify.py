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
    if 'gvconfig' in txt: cat='libgvc gvconfig (config6a buffer, once per gvContext)'
    elif 'new_virtual_edge' in txt: cat='dot layout: virtual edges of clusters (not freed by gvFreeLayout in 2.43)'
    elif 'gvPluginList' in txt: cat='gvPluginList: duplicate names strdup-ed and dropped'
    elif re.search('fontconfig|pango|cairo|glib', txt): cat='fontconfig/pango/cairo/glib internals'
    elif re.search(r'agmemread|gvRenderData|gvLayout|agopen|agnode|agedge', txt): cat='OTHER GRAPHVIZ (check!)'
    elif 'libswiftCore' in txt: cat='Swift runtime metadata caches'
    else: cat='other'
    c[(kind,cat)]+=size; n[(kind,cat)]+=1
for (k,cat),v in sorted(c.items()): print(f'{k:10} {v:8} bytes {n[(k,cat)]:4} records  {cat}')

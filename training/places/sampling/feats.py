import math, re, sys
sys.path.insert(0,'/work/main/src')
from rasid.recognize.places.cues import cue_of
from rasid.text.frequency import word_freq
_PREP={'في','من','الي','الى','علي','قرب','داخل','نحو','حول','عن','مع','بين','الى'}
_NISBA=re.compile(r'ال\w+(?:ي|يه)$')
def _cls(tok):
    n=tok.norm
    if not n[:1].isalnum(): return 'P' if n not in '«»"“”' else 'Q'
    if n.isdigit(): return 'D'
    return 'W'
def feats(tokens, m, cands):
    i,j,k=m['i'],m['j'],m['strip']
    t=tokens[i]
    name=m['name']
    f=['b','n='+name]
    kinds=sorted({p.kind for p in cands}) or ['none']
    f.append('kind='+'|'.join(kinds))
    pop=max((p.population for p in cands),default=0)
    f.append('pop=%d'%min(7,int(math.log10(pop+1))))
    d=name.startswith('ال'); f.append('def' if d else 'indef')
    f.append('ntok=%d'%min(3,j-i))
    f.append('len=%d'%min(8,len(name)))
    cl=t.norm[:k]; f.append('cl='+cl)
    wf=word_freq().get(t.norm[k:],0); f.append('wf=%d'%min(6,int(math.log10(wf+1))))
    f.append('end='+name[-1:])
    same=lambda x: 0<=x<len(tokens) and tokens[x].sent==t.sent
    p=i-1
    if same(p):
        pt=tokens[p]; pn=pt.norm; c=_cls(pt)
        if c=='W':
            f.append('p1='+pn)
            pd=pn.startswith('ال') or pn.startswith('وال') or pn.startswith('بال')
            f.append('p1def' if pd else 'p1indef')
            f.append(('p1def' if pd else 'p1indef')+('&def' if d else '&indef'))
            if pn in _PREP: f.append('p1prep')
            cu=cue_of(pn)
            if cu: f.append('p1cue='+cu[0])
            f.append('p1end='+pn[-1:])
            if same(p-1) and _cls(tokens[p-1])=='W': f.append('p2='+tokens[p-1].norm)
        else: f.append('p1cls='+c)
    else: f.append('p1=<s>')
    if k: f.append('clitic&'+('def' if d else 'indef'))
    n=j
    if same(n):
        nt=tokens[n]; nn=nt.norm; c=_cls(nt)
        if c=='W':
            f.append('n1='+nn)
            nd=nn.startswith('ال')
            f.append(('n1def' if nd else 'n1indef')+('&def' if d else '&indef'))
            if _NISBA.match(nn): f.append('n1nisba')
            f.append('n1w'+nn[:1])
            if same(n+1) and _cls(tokens[n+1])=='W': f.append('n2='+tokens[n+1].norm)
        else: f.append('n1cls='+c)
    else: f.append('n1=</s>')
    return f

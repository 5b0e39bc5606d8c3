"""Experiment: place-sense instances from the NER corpora."""
import sys, pickle
sys.path.insert(0,'/work/main/src')
from rasid.model import Document
from rasid.text import prepare
from rasid.recognize.places import PlaceRecognizer
from rasid.recognize.places.gazetteer import gazetteer
FILES=[('anercorp','../shared/data/ner/anercorp/train.txt'),('aqmar','../shared/data/ner/aqmar/train.txt'),('aqmar','../shared/data/ner/aqmar/dev.txt'),('wojood','../shared/data/ner/wojood_sample/train.txt'),('wojood','../shared/data/ner/wojood_sample/val.txt')]
def sents(path):
    cur=[]
    for ln in open(path,encoding='utf-8'):
        ln=ln.rstrip('\n')
        if not ln.strip():
            if cur: yield cur
            cur=[]; continue
        if ln.startswith('$#$'): 
            if cur: yield cur
            cur=[]; continue
        parts=ln.split(' ')
        if len(parts)<2: continue
        cur.append((parts[0],parts[1]))
    if cur: yield cur
rec=PlaceRecognizer()
gaz=gazetteer()
out=[]
for corp,path in FILES:
    for si,s in enumerate(sents(path)):
        text=''; spans=[]
        for tok,tag in s:
            if text: text+=' '
            a=len(text); text+=tok; spans.append((a,len(text),tag))
        doc=Document(text=text); prepare(doc)
        toks=doc._tokens
        if not toks: continue
        for m in rec._match(toks):
            rec._context(toks,m)
            a=toks[m['i']].start; b=toks[m['j']-1].end
            tags=[t for (x,y,t) in spans if x<b and a<y]
            kinds={t.split('-',1)[1] for t in tags if t!='O' and '-' in t}
            cands=gaz.candidates(m['name']) if m['what']=='place' else []
            country=any(p.kind=='country' for p in cands)
            if kinds & {'LOC','GPE'}: y=1
            elif 'ORG' in kinds and country: y=1
            else: y=0
            out.append(dict(corp=corp,sid=f'{corp}:{path[-9:]}:{si}',text=text,i=m['i'],j=m['j'],m=m,y=y,kinds=sorted(kinds)))
        # keep tokens? we need features; store docs lazily: recompute later
print(len(out), sum(o['y'] for o in out))
pickle.dump(out,open('/tmp/s6/inst.pkl','wb'))

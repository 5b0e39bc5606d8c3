"""All place-name matches with no type word in the news corpora, with the NER-trained model's P."""
import gzip,json,pickle,sys
sys.path.insert(0,'/tmp/s6'); sys.path.insert(0,'/work/main/src')
from feats import feats
from rasid.model import Document
from rasid.text import prepare
from rasid.recognize.places import PlaceRecognizer
from rasid.recognize.places.gazetteer import gazetteer
rec=PlaceRecognizer(); gaz=gazetteer()
dv,lr=pickle.load(open('/tmp/s6/ner_lr.pkl','rb'))
S='/work/shared'
dev={json.loads(l)['text'][:200] for l in open(S+'/gold/dev.jsonl')}
out=[]
def docs():
    for l in gzip.open(S+'/data/news/ant_all_sections.jsonl.gz','rt'): yield json.loads(l)
    for l in open(S+'/data/news/ant_dev_corpus.jsonl'): yield json.loads(l)
seen=set()
for d in docs():
    if d['text'][:200] in dev or d['id'] in seen: continue
    seen.add(d['id'])
    doc=Document(text=d['text']); prepare(doc); toks=doc._tokens
    for m in rec._match(toks):
        if m['what']!='place': continue
        rec._context(toks,m)
        if m['type'] or m.get('feature'): continue
        allc=gaz.candidates(m['name'])
        if not allc: continue
        stop = m['name'] in gaz.stop
        cands=rec._filter(m,allc)
        if not cands and not stop: continue
        fs=feats(toks,m,cands or allc)
        p=float(lr.predict_proba(dv.transform([{x:1 for x in fs}]))[0,1])
        a=toks[m['i']].start; b=toks[m['j']-1].end
        out.append(dict(doc=d['id'],section=d.get('section',''),start=a,end=b,name=m['name'],sent=toks[m['i']].sent,stop=stop,mod=m['modifier'],p=p))
print(len(out))
pickle.dump(out,open('/tmp/s6/corpus_cands.pkl','wb'))

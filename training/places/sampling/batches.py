import pickle,gzip,json,random,sys,collections
sys.path.insert(0,'/work/main/src')
from rasid.text.sentences import split_sentences
random.seed(77)
s=pickle.load(open('/tmp/s6/sample.pkl','rb'))
amb=[x for x in s if x['origin']=='ambiguous'][:1600]; rnd=[x for x in s if x['origin']=='random']
s=amb+rnd; random.shuffle(s)
for i,x in enumerate(s): x['iid']=i
need={x['doc'] for x in s}
docs={}
S='/work/shared'
for l in gzip.open(S+'/data/news/ant_all_sections.jsonl.gz','rt'):
    d=json.loads(l)
    if d['id'] in need: docs[d['id']]=d
for l in open(S+'/data/news/ant_dev_corpus.jsonl'):
    d=json.loads(l)
    if d['id'] in need and d['id'] not in docs: docs[d['id']]=d
rows=[]
for x in s:
    t=docs[x['doc']]['text']
    sents=split_sentences(t)
    k=next(i for i,se in enumerate(sents) if se.start<=x['start']<se.end)
    se=sents[k]; prev=t[sents[k-1].start:sents[k-1].end] if k else ''
    a,b=x['start'],x['end']
    marked=t[se.start:a]+'⟦'+t[a:b]+'⟧'+t[b:se.end]
    rows.append(dict(iid=x['iid'],title=docs[x['doc']].get('title','') if k==0 else '',prev=prev.replace('\n',' ').strip(),sentence=marked.replace('\n',' ').strip()))
    x['text']=t[a:b]
pickle.dump(s,open('/work/labelling5/sample_final.pkl','wb'))
N=7
for b in range(N):
    part=rows[b::N]
    with open(f'/work/labelling5/batch{b+1}.txt','w') as fh:
        for r in part:
            fh.write(f"### {r['iid']}\n")
            if r['prev']: fh.write(f"before: {r['prev']}\n")
            fh.write(f"sentence: {r['sentence']}\n\n")
    print(b+1,len(part))
sec=random.sample(rows,200)
with open('/work/labelling5/second.txt','w') as fh:
    for r in sorted(sec,key=lambda r:r['iid']):
        fh.write(f"### {r['iid']}\n")
        if r['prev']: fh.write(f"before: {r['prev']}\n")
        fh.write(f"sentence: {r['sentence']}\n\n")
print(collections.Counter(x['origin'] for x in s))

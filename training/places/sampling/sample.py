import pickle,random,collections,json,sys,math
sys.path.insert(0,'/work/main/src')
from rasid.recognize.places.senses import _name_senses
random.seed(2207)
c=pickle.load(open('/tmp/s6/corpus_cands.pkl','rb'))
c=[x for x in c if not x['mod']]
c=[x for x in c if not x['stop'] or _name_senses().get(x['name'],(0,0))[0]>=3]
by=collections.defaultdict(list)
for x in c: by[x['name']].append(x)
ns=_name_senses()
score={}
for name,xs in by.items():
    ps=[x['p'] for x in xs]; mean=sum(ps)/len(ps)
    unc=sum(1 for p in ps if 0.2<p<0.8)/len(ps)
    l,o=ns.get(name,(0,0)); oth=o/(l+o) if l+o else 0
    a=max(unc, 1-mean, oth, 0.6 if xs[0]['stop'] else 0)
    score[name]=a*math.log(1+len(xs))
names=sorted(by,key=lambda n:-score[n])
out=[]; used=set()
def take(name,k,unc_first):
    xs=by[name][:]; random.shuffle(xs)
    if unc_first: xs.sort(key=lambda x: abs(x['p']-0.5))
    n=0; docs=collections.Counter()
    for x in xs:
        if n>=k: break
        key=(x['doc'],x['sent'])
        if key in used or docs[x['doc']]>=1: continue
        used.add(key); docs[x['doc']]+=1; x=dict(x); x['origin']='ambiguous'; out.append(x); n+=1
for name in names[:400]:
    take(name,3,True); take(name,2,False)
print('ambiguous',len(out), 'names', len({x['name'] for x in out}))
rand=random.sample(c,600)
k=0
for x in rand:
    key=(x['doc'],x['sent'])
    if key in used: continue
    used.add(key); x=dict(x); x['origin']='random'; out.append(x); k+=1
    if k>=400: break
print('random',k,'total',len(out))
random.shuffle(out)
for i,x in enumerate(out): x['iid']=i
pickle.dump(out,open('/tmp/s6/sample.pkl','wb'))
print(collections.Counter(x['section'] for x in out))
print(names[:80])

import pickle,sys,random
sys.path.insert(0,'/tmp/s6'); sys.path.insert(0,'/work/main/src')
from feats import feats
from rasid.model import Document
from rasid.text import prepare
from rasid.recognize.places import PlaceRecognizer
from rasid.recognize.places.gazetteer import gazetteer
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction import DictVectorizer
import numpy as np
rec=PlaceRecognizer(); gaz=gazetteer()
inst=pickle.load(open('/tmp/s6/inst.pkl','rb'))
X=[];Y=[];G=[]
cache={}
for o in inst:
    m=o['m']
    if m['what']!='place': continue
    cands=rec._filter(m,gaz.candidates(m['name']))
    if not cands or m['type'] or m['modifier']: continue
    if o['text'] not in cache:
        d=Document(text=o['text']); prepare(d); cache={o['text']:d._tokens}
    X.append(feats(cache[o['text']],m,cands)); Y.append(o['y']); G.append(o['sid'])
print(len(X),sum(Y))
rng=random.Random(1)
test={g for g in set(G) if hash(g)%5==0}
tr=[i for i,g in enumerate(G) if g not in test]; te=[i for i,g in enumerate(G) if g in test]
dv=DictVectorizer()
Xd=dv.fit_transform([{x:1 for x in f} for f in X]); Y=np.array(Y)
for C in (0.1,0.3,1,3):
    lr=LogisticRegression(C=C,max_iter=2000).fit(Xd[tr],Y[tr])
    p=lr.predict_proba(Xd[te])[:,1]
    from sklearn.metrics import roc_auc_score,f1_score
    print(C,'auc',round(roc_auc_score(Y[te],p),3),'acc',round(((p>.5)==Y[te]).mean(),3),'base',round(Y[te].mean(),3))
lr=LogisticRegression(C=1,max_iter=2000).fit(Xd,Y)
pickle.dump((dv,lr),open('/tmp/s6/ner_lr.pkl','wb'))

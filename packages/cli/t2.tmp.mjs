const t0=performance.now();
const e = await import('@palisade/engine');
const t1=performance.now();
const q = e.parseQuery('1+1');
const t2=performance.now();
console.log('import', (t1-t0).toFixed(0), 'parse', (t2-t1).toFixed(0), Object.keys(e).length);

import { describe, expect, it } from 'vitest';
import { resultOrigin } from './findings.js';

describe('resultOrigin (conftest `_loc`)', () => {
  it('reads file and line, each on its own', () => {
    expect(resultOrigin({ msg: 'm', _loc: { file: 'test.txt', line: 123 } })).toEqual({ file: 'test.txt', line: 123 });
    expect(resultOrigin({ msg: 'm', _loc: { line: 6n } })).toEqual({ line: 6 });
    expect(resultOrigin({ msg: 'm', _loc: { file: 'Jenkinsfile' } })).toEqual({ file: 'Jenkinsfile' });
  });

  it('drops what conftest drops: a line that is not a number, an empty file, a non-object _loc', () => {
    expect(resultOrigin({ msg: 'm', _loc: { file: 'a', line: '3' } })).toEqual({ file: 'a' });
    expect(resultOrigin({ msg: 'm', _loc: { file: '', line: 1.5 } })).toBeUndefined();
    expect(resultOrigin({ msg: 'm', _loc: 'a.yaml:3' })).toBeUndefined();
    expect(resultOrigin('a string result')).toBeUndefined();
    expect(resultOrigin({ msg: 'm' })).toBeUndefined();
  });
});

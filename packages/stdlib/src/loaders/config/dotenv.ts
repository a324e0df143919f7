import { parse } from 'dotenv';
import type { LoadResult } from '../../model.js';
import { loadPlain } from './plain.js';

/** `.env` files (dotenv's parser: quotes, `export`, comments, multi-line values): one object of strings. */
export function loadDotenv(path: string, text: string): LoadResult {
  return loadPlain('dotenv', path, text, (t) => parse(t));
}

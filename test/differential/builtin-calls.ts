/**
 * Builtins the generator calls, with the kinds of their arguments: at least one of every family
 * v1 programs commonly use. `s` string, `n` number, `a` array, `o` object, `S` set, `x` anything.
 * Arguments of the right kind are likelier than others, but any term may appear, so calls also run
 * with mixed and edge-case types (the engines must agree on type errors and undefined results).
 */
export const BUILTINS: [name: string, args: string][] = [
  ['count', 'x'], ['sum', 'a'], ['product', 'a'], ['max', 'a'], ['min', 'a'], ['sort', 'a'], ['abs', 'n'], ['round', 'n'], ['ceil', 'n'],
  ['floor', 'n'], ['concat', 'sa'], ['split', 'ss'], ['upper', 's'], ['lower', 's'], ['trim_space', 's'], ['startswith', 'ss'],
  ['endswith', 'ss'], ['contains', 'ss'], ['substring', 'snn'], ['indexof', 'ss'], ['replace', 'sss'], ['sprintf', 'sa'],
  ['format_int', 'nn'], ['to_number', 'x'], ['strings.reverse', 's'], ['strings.count', 'ss'], ['trim', 'ss'], ['trim_prefix', 'ss'],
  ['array.concat', 'aa'], ['array.slice', 'ann'], ['array.reverse', 'a'], ['object.get', 'oxx'], ['object.keys', 'o'],
  ['object.remove', 'oa'], ['object.union', 'oo'], ['object.filter', 'oa'], ['union', 'S'], ['intersection', 'S'],
  ['json.marshal', 'x'], ['json.unmarshal', 's'], ['is_string', 'x'], ['is_number', 'x'], ['is_array', 'x'], ['is_set', 'x'],
  ['is_object', 'x'], ['is_boolean', 'x'], ['is_null', 'x'], ['type_name', 'x'], ['numbers.range', 'nn'], ['regex.match', 'ss'],
  ['glob.match', 'sxs'], ['base64.encode', 's'], ['units.parse_bytes', 's'], ['semver.compare', 'ss'], ['walk', 'x'], ['bits.or', 'nn'],
  ['strings.any_prefix_match', 'xx'], ['yaml.marshal', 'x'], ['hex.encode', 's'], ['urlquery.encode', 's'], ['net.cidr_contains', 'ss'],
  ['object.subset', 'oo'], ['array.flatten', 'a'], ['strings.replace_n', 'os'], ['time.parse_rfc3339_ns', 's'], ['uuid.parse', 's'],
];

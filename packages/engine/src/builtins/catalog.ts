/** The default builtin catalog: every family file contributes its declarations. */
import type { BuiltinDecl } from './define.js';
import { operatorsBuiltins } from './operators.js';
import { stringsBuiltins } from './strings.js';
import { regexBuiltins } from './regex.js';
import { globBuiltins } from './glob.js';
import { templateBuiltins } from './template.js';
import { aggregatesBuiltins } from './aggregates.js';
import { arraysBuiltins } from './arrays.js';
import { setsBuiltins } from './sets.js';
import { objectsBuiltins } from './objects.js';
import { numbersBuiltins } from './numbers.js';
import { bitsBuiltins } from './bits.js';
import { typesBuiltins } from './types.js';
import { castsBuiltins } from './casts.js';
import { unitsBuiltins } from './units.js';
import { semverBuiltins } from './semver.js';
import { uuidBuiltins } from './uuid.js';
import { randBuiltins } from './rand.js';
import { graphBuiltins } from './graph.js';
import { encodingBuiltins } from './encoding.js';
import { timeBuiltins } from './time.js';
import { netBuiltins } from './net.js';
import { cryptoBuiltins } from './crypto.js';
import { jwtBuiltins } from './jwt.js';
import { x509Builtins } from './x509.js';
import { graphqlBuiltins } from './graphql.js';
import { jsonschemaBuiltins } from './jsonschema.js';
import { awsBuiltins } from './aws.js';
import { regoBuiltins } from './rego.js';
import { httpBuiltins } from './http.js';

export const defaultBuiltins: BuiltinDecl[] = [
  ...operatorsBuiltins,
  ...stringsBuiltins,
  ...regexBuiltins,
  ...globBuiltins,
  ...templateBuiltins,
  ...aggregatesBuiltins,
  ...arraysBuiltins,
  ...setsBuiltins,
  ...objectsBuiltins,
  ...numbersBuiltins,
  ...bitsBuiltins,
  ...typesBuiltins,
  ...castsBuiltins,
  ...unitsBuiltins,
  ...semverBuiltins,
  ...uuidBuiltins,
  ...randBuiltins,
  ...graphBuiltins,
  ...encodingBuiltins,
  ...timeBuiltins,
  ...netBuiltins,
  ...cryptoBuiltins,
  ...jwtBuiltins,
  ...x509Builtins,
  ...graphqlBuiltins,
  ...jsonschemaBuiltins,
  ...awsBuiltins,
  ...regoBuiltins,
  ...httpBuiltins,
];

/** The default builtin catalog: every family file contributes its declarations. */
import type { BuiltinDecl } from './define.js';
import { operatorsBuiltins } from './numbers/operators.js';
import { stringsBuiltins } from './strings/strings.js';
import { regexBuiltins } from './regex/regex.js';
import { globBuiltins } from './regex/glob.js';
import { templateBuiltins } from './strings/template.js';
import { aggregatesBuiltins } from './collections/aggregates.js';
import { arraysBuiltins } from './collections/arrays.js';
import { setsBuiltins } from './collections/sets.js';
import { objectsBuiltins } from './collections/objects.js';
import { numbersBuiltins } from './numbers/numbers.js';
import { bitsBuiltins } from './numbers/bits.js';
import { typesBuiltins } from './types/types.js';
import { castsBuiltins } from './types/casts.js';
import { unitsBuiltins } from './numbers/units.js';
import { semverBuiltins } from './strings/semver.js';
import { uuidBuiltins } from './random/uuid.js';
import { randBuiltins } from './random/rand.js';
import { graphBuiltins } from './collections/graph.js';
import { encodingBuiltins } from './encoding/encoding.js';
import { timeBuiltins } from './time/time.js';
import { netBuiltins } from './net/net.js';
import { cryptoBuiltins } from './crypto/crypto.js';
import { jwtBuiltins } from './jwt/jwt.js';
import { x509Builtins } from './x509/x509.js';
import { graphqlBuiltins } from './graphql/graphql.js';
import { jsonschemaBuiltins } from './jsonschema/jsonschema.js';
import { awsBuiltins } from './aws/aws.js';
import { regoBuiltins } from './rego/rego.js';
import { httpBuiltins } from './net/http.js';

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

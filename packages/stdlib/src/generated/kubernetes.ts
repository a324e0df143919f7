// GENERATED FILE — do not edit. Source: src/schemas/kubernetes.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * Any Kubernetes resource (one document per resource). Only the fields common to all kinds are described; the rest is kind-specific.
 */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  spec?: {
    [k: string]: unknown;
  };
  status?: {
    [k: string]: unknown;
  };
  data?: {
    [k: string]: unknown;
  };
  rules?: {
    [k: string]: unknown;
  }[];
  subjects?: {
    [k: string]: unknown;
  }[];
  roleRef?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: {
    [k: string]: string;
  };
  annotations?: {
    [k: string]: string;
  };
  ownerReferences?: {
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}

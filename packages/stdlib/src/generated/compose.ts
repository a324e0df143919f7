// GENERATED FILE — do not edit. Source: src/schemas/compose.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

export type StringOrList = string | string[];

/**
 * A docker compose file after YAML anchors/merge keys are applied. Security-relevant service fields are described; everything else is allowed.
 */
export interface ComposeDocument {
  version?: string;
  name?: string;
  services?: {
    [k: string]: ComposeService;
  };
  networks?: {
    [k: string]: unknown;
  };
  volumes?: {
    [k: string]: unknown;
  };
  secrets?: {
    [k: string]: unknown;
  };
  configs?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface ComposeService {
  image?: string;
  build?:
    | string
    | {
        [k: string]: unknown;
      };
  user?: string | number;
  privileged?: boolean;
  read_only?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  network_mode?: string;
  networks?:
    | string[]
    | {
        [k: string]: unknown;
      };
  pid?: string | null;
  ipc?: string;
  uts?: string;
  userns_mode?: string;
  cgroup_parent?: string;
  devices?: (
    | string
    | {
        [k: string]: unknown;
      }
  )[];
  volumes?: (
    | string
    | {
        [k: string]: unknown;
      }
  )[];
  ports?: (
    | string
    | number
    | {
        [k: string]: unknown;
      }
  )[];
  environment?:
    | string[]
    | {
        [k: string]: string | number | boolean | null;
      };
  env_file?: StringOrList;
  healthcheck?: {
    [k: string]: unknown;
  };
  restart?: string;
  mem_limit?: string | number;
  cpus?: string | number;
  cpu_shares?: string | number;
  pids_limit?: string | number;
  sysctls?:
    | string[]
    | {
        [k: string]: unknown;
      };
  ulimits?: {
    [k: string]: unknown;
  };
  tmpfs?: StringOrList;
  secrets?: (
    | string
    | {
        [k: string]: unknown;
      }
  )[];
  deploy?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

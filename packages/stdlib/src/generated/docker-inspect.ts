// GENERATED FILE — do not edit. Source: src/schemas/docker-inspect.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * One element of `docker inspect` (container) or `docker image inspect` (image) output.
 */
export type DockerInspectObject = DockerContainer | DockerImage;

export interface DockerContainer {
  Id: string;
  Name?: string;
  Image?: string;
  AppArmorProfile?: string;
  State?: {
    [k: string]: unknown;
  };
  Config?: DockerContainerConfig;
  HostConfig?: DockerHostConfig;
  Mounts?: DockerMount[];
  NetworkSettings?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface DockerContainerConfig {
  User?: string;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Image?: string;
  WorkingDir?: string;
  ExposedPorts?: {
    [k: string]: unknown;
  } | null;
  Volumes?: {
    [k: string]: unknown;
  } | null;
  Labels?: {
    [k: string]: string;
  } | null;
  Healthcheck?: {
    [k: string]: unknown;
  } | null;
  StopSignal?: string;
  [k: string]: unknown;
}
export interface DockerHostConfig {
  Binds?: string[] | null;
  NetworkMode?: string;
  PortBindings?: {
    [k: string]: unknown;
  } | null;
  RestartPolicy?: {
    [k: string]: unknown;
  };
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  IpcMode?: string;
  PidMode?: string;
  UTSMode?: string;
  UsernsMode?: string;
  Privileged?: boolean;
  ReadonlyRootfs?: boolean;
  SecurityOpt?: string[] | null;
  CgroupParent?: string;
  Memory?: number;
  NanoCpus?: number;
  CpuShares?: number;
  PidsLimit?: number | null;
  Devices?:
    | {
        [k: string]: unknown;
      }[]
    | null;
  Ulimits?:
    | {
        [k: string]: unknown;
      }[]
    | null;
  MaskedPaths?: string[] | null;
  ReadonlyPaths?: string[] | null;
  [k: string]: unknown;
}
export interface DockerMount {
  Type?: string;
  Source?: string;
  Destination?: string;
  Mode?: string;
  RW?: boolean;
  Propagation?: string;
  [k: string]: unknown;
}
export interface DockerImage {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created?: string;
  Architecture?: string;
  Os?: string;
  Size?: number;
  Config?: DockerContainerConfig;
  [k: string]: unknown;
}

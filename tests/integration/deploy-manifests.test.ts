/**
 * The deployment files are checked against the code they deploy: every variable they set is
 * one `server/src/config.ts` reads, every variable it reads is documented in `.env.example`,
 * probes ask paths the health contracts declare on the port the role listens on, secrets
 * come from outside the files, and only the proxy publishes a port. No Docker engine or
 * cluster is needed: the files are parsed as YAML. Where `docker compose` is installed, it
 * validates the compose file too.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { healthContracts } from '@govcraft/shared';
import { ZEnv } from '@govcraft/server/config';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const CONFIG_VARS = new Set(Object.keys(ZEnv.shape));
const PROBE_PATHS = new Set([healthContracts.getReady.path, healthContracts.getHealth.path]);

// ---- docker-compose.yml -----------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  ports?: unknown[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  command?: string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const APP_SERVICES = ['api', 'worker'] as const;

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}` references in a text. */
const interpolated = (text: string) =>
  [...text.matchAll(/\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}/g)].map((m) => m[1]!);

/** Names assigned in .env.example (`NAME=` lines). */
const documented = new Set(
  read('.env.example')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
    .filter((name): name is string => Boolean(name)),
);

describe('docker-compose.yml', () => {
  it('runs a proxy, API nodes, a worker, PostgreSQL and Redis', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'caddy', 'postgres', 'redis', 'worker']);
    expect(services.api!.environment!.ROLE).toBe('api');
    expect(services.worker!.environment!.ROLE).toBe('worker');
  });

  it.each(Object.keys(services))('restarts %s by itself and checks its health', (name) => {
    const service = services[name]!;
    expect(['unless-stopped', 'always']).toContain(service.restart);
    expect(service.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('publishes ports on the proxy only, so `--scale api=3` cannot collide', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'caddy') expect(service.ports).toEqual(expect.arrayContaining(['443:443']));
      else expect(service.ports, name).toBeUndefined();
    }
  });

  it.each(APP_SERVICES)('sets only variables config.ts reads on %s', (name) => {
    const names = Object.keys(services[name]!.environment!);
    expect(names.filter((n) => !CONFIG_VARS.has(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET']));
  });

  it('takes every password and secret from .env, never from the file itself', () => {
    const env = services.api!.environment!;
    expect(env.SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?/);
    expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(env.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    expect(services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(services.redis!.command!.join(' ')).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect(services.worker!.environment!.SESSION_SECRET).toBe(env.SESSION_SECRET);
  });

  it('documents in .env.example every variable it interpolates', () => {
    const used = new Set(interpolated(read('docker-compose.yml')));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('checks readiness through the image health check on the port of each role', () => {
    for (const name of APP_SERVICES) {
      expect(services[name]!.healthcheck!.test).toEqual(['CMD', 'node', 'deploy/healthcheck.mjs']);
    }
    const script = read('deploy/healthcheck.mjs');
    expect(script).toContain(healthContracts.getReady.path);
    expect(script).toMatch(/role === 'worker' \? \(process\.env\.WORKER_HEALTH_PORT/);
  });

  it('puts Caddy in front of every api replica at PUBLIC_URL', () => {
    const caddyfile = read('Caddyfile');
    expect(caddyfile).toMatch(/^\{\$PUBLIC_URL\} \{/m);
    expect(caddyfile).toMatch(/dynamic a \{\s*name api\s*port 3000/);
    expect(caddyfile).toMatch(/lb_policy cookie/);
    expect(services.api!.environment!.PORT).toBe('3000');
  });

  const compose2 = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  it.runIf(compose2.status === 0)('is valid for `docker compose config`', () => {
    const result = spawnSync('docker', ['compose', 'config', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        POSTGRES_PASSWORD: 'p',
        REDIS_PASSWORD: 'r',
        SESSION_SECRET: 's'.repeat(32),
        PUBLIC_URL: 'http://localhost',
      },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('.env.example', () => {
  it('documents every variable config.ts reads', () => {
    expect([...CONFIG_VARS].filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\w+))?/gm)];

  it('builds in one stage and runs compiled JavaScript on Node LTS in another', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:(22|24)-/m);
    expect(stages.map((s) => s[2])).toEqual(['build', 'runtime']);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).not.toMatch(/tsx|\.ts["\s]/);
    expect(runtime).toMatch(/^CMD \["node", "server\/dist\/main\.js"\]$/m);
    expect(runtime).toMatch(/NODE_OPTIONS=--conditions=govcraft-compiled/);
  });

  it('runs as a non-root user and has a health check', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*deploy\/healthcheck\.mjs/m);
  });
});

// ---- deploy/k8s -------------------------------------------------------------------------

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  name: string;
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports: { name: string; containerPort: number }[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: { allowPrivilegeEscalation?: boolean };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
}

const K8S_DIR = path.join(ROOT, 'deploy/k8s');
const manifests = readdirSync(K8S_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(K8S_DIR, file), 'utf8')).map((doc) => ({
      file,
      object: doc.toJS() as K8sObject,
    })),
  )
  .filter(({ object }) => object.kind !== 'Kustomization');
const objects = manifests.map((m) => m.object);
const find = (kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const deployment = (name: string) => {
  const found = find('Deployment', name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found.spec as { template: PodTemplate; selector: { matchLabels: Record<string, string> } };
};
const ROLE_PORT_VAR = { api: 'PORT', worker: 'WORKER_HEALTH_PORT' } as const;

describe('deploy/k8s', () => {
  it('has Deployments for api and worker, a Service, an HPA, PDBs and external services', () => {
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment/govcraft-api',
        'Deployment/govcraft-worker',
        'Service/govcraft-api',
        'HorizontalPodAutoscaler/govcraft-api',
        'PodDisruptionBudget/govcraft-api',
        'PodDisruptionBudget/govcraft-worker',
        'Service/govcraft-postgres',
        'Service/govcraft-redis',
        'ConfigMap/govcraft-config',
        'Secret/govcraft-secrets',
      ]),
    );
    for (const name of ['govcraft-postgres', 'govcraft-redis']) {
      expect((find('Service', name)!.spec as { type: string }).type).toBe('ExternalName');
    }
  });

  it('lists every applied file in kustomization.yaml, keeping the example Secret out', () => {
    const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as { resources: string[] };
    const files = new Set(manifests.map((m) => m.file));
    files.delete('secret.example.yaml');
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
  });

  it('keeps ConfigMap and Secret keys to variables config.ts reads', () => {
    for (const kind of ['ConfigMap', 'Secret']) {
      for (const o of objects.filter((x) => x.kind === kind)) {
        const keys = Object.keys(o.data ?? o.stringData ?? {});
        expect(
          keys.filter((k) => !CONFIG_VARS.has(k)),
          `${kind} ${o.metadata.name}`,
        ).toEqual([]);
      }
    }
  });

  it.each(['api', 'worker'] as const)(
    'runs %s non-root with known variables, existing refs and probes on real routes',
    (role) => {
      const spec = deployment(`govcraft-${role}`);
      expect(spec.selector.matchLabels).toEqual(
        expect.objectContaining({ 'app.kubernetes.io/component': role }),
      );
      expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);
      expect(spec.template.spec.securityContext?.runAsNonRoot).toBe(true);
      const [container] = spec.template.spec.containers;
      expect(container!.securityContext?.allowPrivilegeEscalation).toBe(false);

      const env = Object.fromEntries((container!.env ?? []).map((e) => [e.name, e.value]));
      expect(Object.keys(env).filter((n) => !CONFIG_VARS.has(n))).toEqual([]);
      expect(env.ROLE).toBe(role);
      for (const from of container!.envFrom ?? []) {
        if (from.configMapRef) expect(find('ConfigMap', from.configMapRef.name)).toBeDefined();
        if (from.secretRef) expect(find('Secret', from.secretRef.name)).toBeDefined();
      }

      const port = Number(env[ROLE_PORT_VAR[role]]);
      const named = container!.ports.find((p) => p.containerPort === port);
      expect(named, `a container port ${port}`).toBeDefined();
      const probes = [container!.startupProbe, container!.readinessProbe, container!.livenessProbe];
      for (const probe of probes) {
        expect(probe).toBeDefined();
        expect(PROBE_PATHS).toContain(probe!.httpGet.path);
        expect([named!.name, named!.containerPort]).toContain(probe!.httpGet.port);
      }
    },
  );

  it('points Service, HPA and PDBs at the pods they mean', () => {
    const api = deployment('govcraft-api');
    const service = find('Service', 'govcraft-api')!.spec as {
      selector: Record<string, string>;
      ports: { targetPort: string }[];
    };
    expect(service.selector).toEqual(api.selector.matchLabels);
    expect(api.template.spec.containers[0]!.ports.map((p) => p.name)).toContain(
      service.ports[0]!.targetPort,
    );
    const hpa = find('HorizontalPodAutoscaler', 'govcraft-api')!.spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'govcraft-api' });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    for (const role of ['api', 'worker']) {
      const pdb = find('PodDisruptionBudget', `govcraft-${role}`)!.spec as {
        selector: { matchLabels: Record<string, string> };
      };
      expect(pdb.selector.matchLabels).toEqual(deployment(`govcraft-${role}`).selector.matchLabels);
    }
  });
});

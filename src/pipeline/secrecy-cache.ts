// Secrecy in the build caches: what a component hid (src/secrecy/secrecy.ts) is kept under the keys
// of its indicators' values (src/pipeline/read-compute.ts), so that a republication after one file
// changed applies secrecy again only where values did.
import type { Indicator } from "../declare/schemas";
import type { HiddenValues, SecrecyStore } from "../secrecy/secrecy";
import type { BuildCache } from "./build-cache";

export function secrecyStore(cache: BuildCache<HiddenValues>, valueKeys: Map<string, string | undefined>): SecrecyStore {
  const keyOf = (members: Indicator[], groups: string[][]) => {
    const values = members.map((m) => valueKeys.get(m.id));
    return values.every((key) => key !== undefined) ? cache.key(["secret", members.map((m) => m.id), values, groups]) : undefined;
  };
  return {
    get(members, groups) {
      const hidden = cache.get(keyOf(members, groups));
      // An entry of another shape is damaged: secrecy is applied again.
      const whole =
        hidden?.indicators?.length === members.length &&
        hidden.indicators.every((h) => h.positions instanceof Int32Array && h.complementary instanceof Uint8Array && h.positions.length === h.complementary.length);
      return whole ? hidden : undefined;
    },
    put: (members, groups, hidden) => cache.put(keyOf(members, groups), hidden),
  };
}

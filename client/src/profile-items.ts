// The quick pick of profiles (no VS Code API, so it is unit-tested).
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from '../../server/src/engine/profiles';
import type { DocumentInfo } from '../../common/protocol';

export interface ProfileItem {
  label: string;
  description: string;
  detail?: string;
  picked: boolean;
}

export function profileItems(info: DocumentInfo | undefined): ProfileItem[] {
  const names = info?.profiles.length ? info.profiles : Object.keys(BUILTIN_PROFILES);
  const current = info?.profile ?? DEFAULT_PROFILE;
  return names.map((name) => {
    const builtin = BUILTIN_PROFILES[name];
    return {
      label: name,
      description: [name === current ? 'current' : '', builtin ? 'built-in' : 'from .postmortemrc'].filter(Boolean).join(' · '),
      detail: builtin?.description,
      picked: name === current,
    };
  });
}

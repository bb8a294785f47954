import { useResource } from '../../lib/use-resource';
import { useMe } from '../auth/session';
import { fetchUnit } from '../units/api';

/**
 * The units above the user's own: their plans are the ones the user's area carries out (readable, derivable, not
 * editable here). Everything else the server lists is in the user's own subtree.
 */
export function useUnitsAbove() {
  const me = useMe();
  return useResource(async (signal) => new Set((await fetchUnit(me.unit.id, signal)).ancestors.map((a) => a.id)), [me.unit.id]);
}
